using System.IO.Compression;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.History;

namespace AstroBench.Cli.Tests.Import;

/// <summary><c>astrobench runs import</c> through the real binary: a folder and a zip import; a duplicate or unsafe one exits 2 with one line.</summary>
public sealed class RunsImportCommandTests : IDisposable
{
    private const string RunId = "2026-03-04_05-06-07";
    private readonly TempLab _lab = new();
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("ab-cli-elsewhere-").FullName;

    public void Dispose()
    {
        _lab.Dispose();
        Directory.Delete(_elsewhere, recursive: true);
    }

    [Fact]
    public async Task AFolderImports_ThenTheSameRunAgainIsRefusedWithOneLine()
    {
        var folder = GateRuns.Write(_elsewhere, RunId, "0123456789abcdef", new GateResult("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)));

        var ok = await CliProcess.RunAsync(_lab.Dir, "runs", "import", folder);
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith($"imported {RunId} (testbed 0123456789abcdef): 2 files", ok.Stdout, StringComparison.Ordinal);
        Assert.Equal([RunId], _lab.Runs().Select(Path.GetFileName));
        Assert.Equal("0123456789abcdef", Assert.Single(new ResultsIndex(_lab.Results).ListRuns(), r => r.Summary.Id == RunId).TestbedKey);

        var again = await CliProcess.RunAsync(_lab.Dir, "runs", "import", folder);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal($"error: import refused (duplicate): run {RunId} already exists", Assert.Single(again.Lines));
    }

    [Fact]
    public async Task AZipWithAnEscapingEntry_IsRefused_AndNothingIsWritten()
    {
        var zip = Path.Combine(_elsewhere, "evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(archive.CreateEntry($"{RunId}/manifest.json").Open()))
            {
                w.Write($$"""{"run_id":"{{RunId}}"}""");
            }
            using (var w = new StreamWriter(archive.CreateEntry("../../escaped.txt").Open()))
            {
                w.Write("x");
            }
        }

        var r = await CliProcess.RunAsync(_lab.Dir, "runs", "import", zip);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: import refused (unsafe_path)", Assert.Single(r.Lines), StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        Assert.False(File.Exists(Path.Combine(_lab.Dir, "escaped.txt")));
    }
}
