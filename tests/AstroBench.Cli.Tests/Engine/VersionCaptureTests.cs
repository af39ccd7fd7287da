using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Cli.Tests.Run;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// The version commands run beside the first accuracy calls (docs/engine.md, "Start-up and memory"); a failing one is
/// still recorded in the manifest as before, and the run still publishes.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class VersionCaptureTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task AFailingVersionCommand_IsRecordedAsUnknown_AndTheRunPublishes()
    {
        var adapters = Path.Combine(_lab.Dir, "adapters");
        Copy(Path.Combine(Repo.Adapters, "erfa"), Path.Combine(adapters, "erfa"));
        Copy(Path.Combine(Repo.Fixtures, "skipper"), Path.Combine(adapters, "skipper"));
        var manifestPath = Path.Combine(adapters, "skipper", "adapter.json");
        var text = await File.ReadAllTextAsync(manifestPath);
        await File.WriteAllTextAsync(manifestPath, text.Replace("[\"sh\", \"adapter.sh\", \"--version\"]", "[\"sh\", \"-c\", \"exit 3\"]", StringComparison.Ordinal));
        var results = Path.Combine(_lab.Dir, "results");

        // The reference cache is on, so the reference's call waits for the captured versions (its cache key).
        var result = await CliProcess.Start(_lab.Dir, ["run", "--experiments", "gmst_era", "--libraries", "erfa,skipper", "--n", "50",
            "--no-perf", "--results-dir", results, "--adapters-dir", adapters]).WaitAsync();

        Assert.True(result.ExitCode == 0, result.All);
        var run = Assert.Single(Directory.GetDirectories(results), d => !Path.GetFileName(d).StartsWith('.'));
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "manifest.json")));
        var versions = doc.RootElement.GetProperty("adapters").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("version").GetString());
        Assert.Equal("unknown (version command exited 3)", versions["skipper"]);
        Assert.DoesNotContain("unknown", versions["erfa"], StringComparison.Ordinal);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target); // keeps the executable bit on Unix
        }
    }
}
