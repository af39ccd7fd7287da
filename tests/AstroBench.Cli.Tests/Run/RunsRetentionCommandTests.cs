using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary><c>astrobench runs delete|pin|unpin|gc</c> on real folders through the real binary.</summary>
public sealed class RunsRetentionCommandTests : IDisposable
{
    private readonly TempLab _lab = new();
    private readonly List<string> _ids = [];

    public RunsRetentionCommandTests()
    {
        for (var day = 1; day <= 6; day++)
        {
            var id = $"2026-01-{day:00}_08-00-00";
            Directory.CreateDirectory(Path.Combine(_lab.Results, id, "gmst_era"));
            File.WriteAllText(Path.Combine(_lab.Results, id, "manifest.json"), "{}");
            File.WriteAllBytes(Path.Combine(_lab.Results, id, "gmst_era", "erfa.json"), new byte[1000]);
            _ids.Add(id);
        }
    }

    public void Dispose() => _lab.Dispose();

    private string[] Listed() => _lab.Runs().Select(d => Path.GetFileName(d)).ToArray();

    [Fact]
    public async Task Gc_DryRunRemovesNothing_ThenGcRemovesExactlyThat_KeepingPinnedRuns()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(_lab.Dir, "runs", "pin", _ids[0])).ExitCode);

        var dry = await CliProcess.RunAsync(_lab.Dir, "runs", "gc", "--dry-run", "--keep-last", "2");
        Assert.Equal(0, dry.ExitCode);
        Assert.Equal(6, Listed().Length);
        var planned = dry.Lines.Where(l => l.StartsWith("would remove ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(_ids.Skip(1).Take(3), planned);
        Assert.Contains("3006 bytes", dry.Stdout, StringComparison.Ordinal);

        var gc = await CliProcess.RunAsync(_lab.Dir, "runs", "gc", "--keep-last", "2");
        Assert.Equal(0, gc.ExitCode);
        Assert.Equal(planned, gc.Lines.Where(l => l.StartsWith("removed ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]));
        Assert.Equal([_ids[0], _ids[4], _ids[5]], Listed());
        Assert.Empty(Directory.GetDirectories(Path.Combine(_lab.Results, ".trash")));
    }

    [Fact]
    public async Task Gc_MaxAgeAndMaxTotal_ApplyWithArchive()
    {
        var gc = await CliProcess.RunAsync(_lab.Dir, "runs", "gc", "--max-total-mb", "1", "--archive", "--archive-dir", "old");
        Assert.Equal(0, gc.ExitCode);
        Assert.Equal(6, Listed().Length); // 6 kB fit in 1 MiB
        gc = await CliProcess.RunAsync(_lab.Dir, "runs", "gc", "--max-age-days", "1", "--archive", "--archive-dir", "old");

        Assert.Equal(0, gc.ExitCode);
        Assert.Empty(Listed());
        Assert.Equal(6, Directory.GetFiles(Path.Combine(_lab.Dir, "old"), "*.tar.gz").Length);
    }

    [Fact]
    public async Task Delete_RefusesAPinnedRun_InOneLine_UntilUnpinned()
    {
        await CliProcess.RunAsync(_lab.Dir, "runs", "pin", _ids[2]);

        var refused = await CliProcess.RunAsync(_lab.Dir, "runs", "delete", _ids[2]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("pinned", Assert.Single(refused.Lines), StringComparison.Ordinal);
        Assert.Contains(_ids[2], Listed());
        var list = await CliProcess.RunAsync(_lab.Dir, "runs", "list");
        Assert.Matches($@"{_ids[2]}.*│ 1002 +│ yes", list.Stdout);

        Assert.Equal(0, (await CliProcess.RunAsync(_lab.Dir, "runs", "unpin", _ids[2])).ExitCode);
        var deleted = await CliProcess.RunAsync(_lab.Dir, "runs", "delete", _ids[2]);
        Assert.Equal(0, deleted.ExitCode);
        Assert.DoesNotContain(_ids[2], Listed());
    }

    [Theory]
    [InlineData("delete", "../etc")]
    [InlineData("pin", "2030-01-01_00-00-00")]
    [InlineData("gc", "--keep-last", "0")]
    [InlineData("gc", "--max-age-days", "-2")]
    [InlineData("gc", "--max-total-mb", "abc")]
    [InlineData("gc")]
    [InlineData("gc", "--keep-last", "1", "--archive", "--archive-dir", "results/a")]
    public async Task BadInput_IsOneErrorLine_ExitCode2(params string[] args)
    {
        var result = await CliProcess.RunAsync(_lab.Dir, ["runs", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.Equal(6, Listed().Length);
    }
}
