using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Cli.Tests.Run;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// docs/engine.md through the real CLI and real adapters: protocol v2 (decimal, hex and binary) and parallel accuracy
/// publish the same run folder as v1 run sequentially (<see cref="SameRun"/>: apart from the documented fields);
/// the reference cache hits on the second run, says so in the manifest, and misses after a rebuild.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class EngineRunTests : IDisposable
{
    // Every library takes part (swisseph is the reference of the Sun and the Moon).
    private const string Experiments = "gmst_era,equ_ecl,equ_horizontal,frame_rotation_bpn,kepler_solver,solar_position,lunar_position,inv_equ_ecl";
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private async Task<string> RunAsync(string results, params string[] args)
    {
        var before = Published(results);
        var result = await CliProcess.Start(_lab.Dir, ["run", "--experiments", Experiments, "--n", "150", "--no-perf",
            "--results-dir", results, .. args]).WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return Assert.Single(Published(results).Except(before));
    }

    private static string[] Published(string results) => Directory.Exists(results)
        ? Directory.GetDirectories(results).Where(d => !Path.GetFileName(d).StartsWith('.')).ToArray()
        : [];

    [Fact]
    public async Task V2AndParallel_PublishTheSameRunFolder_AsV1Sequential()
    {
        var v1 = await RunAsync(Path.Combine(_lab.Dir, "v1"), "--transport", "v1", "--jobs", "1", "--no-cache");
        var hexParallel = await RunAsync(Path.Combine(_lab.Dir, "hex4"), "--transport", "hex", "--jobs", "4", "--no-cache");
        var hexSequential = await RunAsync(Path.Combine(_lab.Dir, "hex1"), "--transport", "hex", "--jobs", "1", "--no-cache");
        var decimalParallel = await RunAsync(Path.Combine(_lab.Dir, "dec2"), "--transport", "decimal", "--jobs", "2", "--no-cache");
        var binaryParallel = await RunAsync(Path.Combine(_lab.Dir, "bin2"), "--transport", "binary", "--jobs", "2", "--no-cache");

        SameRun.AssertEquivalent(v1, hexParallel, noPerf: true);
        SameRun.AssertEquivalent(hexSequential, hexParallel, noPerf: true);
        SameRun.AssertEquivalent(v1, decimalParallel, noPerf: true);
        SameRun.AssertEquivalent(v1, binaryParallel, noPerf: true);
        using var engine = JsonDocument.Parse(File.ReadAllText(Path.Combine(hexParallel, "manifest.json")));
        var block = engine.RootElement.GetProperty("engine");
        Assert.Equal(4, block.GetProperty("jobs").GetInt32());
        Assert.Equal("v2/hex", block.GetProperty("transport").GetProperty("erfa").GetString());
        using var binary = JsonDocument.Parse(File.ReadAllText(Path.Combine(binaryParallel, "manifest.json")));
        var transports = binary.RootElement.GetProperty("engine").GetProperty("transport");
        Assert.Equal("v2/binary", transports.GetProperty("erfa").GetString());
        Assert.Equal("v2/hex", transports.GetProperty("erfa-dotnet").GetString()); // declares no binary: its best
    }

    [Fact]
    public async Task ReferenceCache_HitsOnTheSecondRun_NamesItsSourceRun_AndMissesAfterARebuild()
    {
        // A private copy of the adapters, so the test can "rebuild" one without touching the checkout.
        var adapters = Path.Combine(_lab.Dir, "adapters");
        foreach (var name in new[] { "erfa", "libnova", "swisseph" })
        {
            CopyDirectory(Path.Combine(Repo.Adapters, name), Path.Combine(adapters, name));
        }
        var results = Path.Combine(_lab.Dir, "results");
        string[] withAdapters = ["--adapters-dir", adapters];

        var cold = await RunAsync(results, withAdapters);
        var warm = await RunAsync(results, withAdapters);

        Assert.Equal(0, CacheHits(cold));
        var references = ReferenceEntries(warm);
        Assert.Equal(8, references.Count);
        Assert.All(references, r => Assert.Equal(Path.GetFileName(cold), r));
        Assert.Equal(8, CacheHits(warm));
        SameRun.AssertEquivalent(cold, StripCached(warm), noPerf: true);

        var noCache = await RunAsync(results, [.. withAdapters, "--no-cache"]);
        Assert.Equal(0, CacheHits(noCache));
        Assert.All(ReferenceEntries(noCache), Assert.Null);

        // A rebuilt erfa (same version line, other bytes) must not reuse the old build's outputs.
        await File.AppendAllTextAsync(Path.Combine(adapters, "erfa", "build", "erfa_adapter"), "\n");
        var rebuilt = await RunAsync(results, withAdapters);
        Assert.Equal(2, CacheHits(rebuilt)); // solar_position and lunar_position: swisseph did not change
        SameRun.AssertEquivalent(cold, StripCached(rebuilt), noPerf: true);
    }

    private static int CacheHits(string run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        return doc.RootElement.GetProperty("engine").GetProperty("cache_hits").GetInt32();
    }

    /// <summary><c>cached_from_run</c> of every reference entry (null when computed in the run).</summary>
    private static List<string?> ReferenceEntries(string run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("role").GetString() == "reference")
            .Select(r => r.TryGetProperty("cached_from_run", out var c) ? c.GetString() : null).ToList();
    }

    /// <summary>A copy of the run without its cache provenance (the <c>cached</c> blocks, <c>cached_from_run</c>): what remains must equal a cold run.</summary>
    private string StripCached(string run)
    {
        var copy = Path.Combine(_lab.Dir, "stripped-" + Guid.NewGuid().ToString("N"), Path.GetFileName(run));
        CopyDirectory(run, copy);
        foreach (var file in Directory.GetFiles(copy, "*.json", SearchOption.AllDirectories))
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            if (node.Remove("cached") | StripEntries(node))
            {
                File.WriteAllText(file, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }
        }
        return copy;
    }

    private static bool StripEntries(System.Text.Json.Nodes.JsonObject manifest)
    {
        var any = false;
        foreach (var entry in manifest["results"]?.AsArray() ?? [])
        {
            any |= entry!.AsObject().Remove("cached_from_run");
        }
        return any;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
