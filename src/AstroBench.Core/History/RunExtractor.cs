using System.Globalization;
using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Storage;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.History;

/// <summary>
/// Reads one run folder into an <see cref="IndexedRun"/> through the run reader (so every layout it accepts is indexed the
/// same way), in one streaming pass over its files: the manifest parsed once, each result file parsed and dropped.
/// </summary>
internal static class RunExtractor
{
    public static IndexedRun? Extract(string runFolder, RunSizeCache? sizes)
    {
        var dir = Path.GetFullPath(runFolder).TrimEnd(Path.DirectorySeparatorChar);
        var id = Path.GetFileName(dir);
        var parent = Path.GetDirectoryName(dir);
        if (parent is null || !RunIds.IsValidRunId(id))
        {
            return null;
        }
        Testbed? testbed = null;
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        string? started = null;
        var ci = false;
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<(string Folder, int Rank, string Library, IndexedResult Result)>();
        var summary = new RunFolderReader(parent).VisitRun(id, manifest =>
        {
            testbed = ReadTestbed(manifest);
            versions = AdapterVersions(manifest);
            started = manifest is { } m ? ResultRowParser.Str(m, "started_at") : null;
            ci = manifest is { } c && ResultRowParser.TryGet(c, out var flag, "config", "ci_mode") && flag.ValueKind == JsonValueKind.True;
        }, (folder, json) =>
        {
            folders.TryAdd(folder, folders.Count);
            var library = ResultRowParser.Str(json, "library") ?? ResultRowParser.Str(json, "candidate_library");
            var experiment = ResultRowParser.Str(json, "experiment");
            if (RunIds.IsValidExperiment(experiment) && RunIds.IsValidLibrary(library))
            {
                versions.TryGetValue(library!, out var version);
                results.Add((folder, ResultRowParser.Str(json, "role") == "reference" ? 0 : 1, library!, Result(json, experiment!, library!, version)));
            }
        });
        if (summary is null)
        {
            return null;
        }
        DateTimeOffset? startedAt = started is not null && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t)
            ? t : summary.Timestamp;
        var bytes = (sizes?.Get(id, dir) ?? DirectoryUsage.Measure(dir)).Bytes;
        summary.GitShas.TryGetValue("astrobench", out var sha);
        // The reader's order (experiment folders as first met, reference first, then by library), so a duplicate key
        // resolves as it always did: the last one written wins.
        var ordered = results.OrderBy(r => folders[r.Folder]).ThenBy(r => r.Rank).ThenBy(r => r.Library, StringComparer.Ordinal).Select(r => r.Result).ToList();
        return new IndexedRun(summary, Testbed.KeyOrUnknown(testbed), testbed, startedAt, sha ?? summary.GitShas.Values.FirstOrDefault(), ci, bytes, ordered);
    }

    private static IndexedResult Result(JsonElement json, string experiment, string library, string? version)
    {
        var metrics = new List<MetricStats>();
        if (ResultRowParser.TryGet(json, out var all, "accuracy", "metrics") && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in all.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                var v = p.Value;
                metrics.Add(new MetricStats(p.Name, ResultRowParser.Str(v, "unit"), Num(v, "p50"), Num(v, "p99"), Num(v, "max"), Num(v, "mean"),
                    Num(v, "rms"), Num(v, "bias"), Long(v, "count"), Long(v, "nan_count")));
            }
        }
        PerfFigures? perf = null;
        if (ResultRowParser.TryGet(json, out var p2, "performance") && p2.ValueKind == JsonValueKind.Object)
        {
            var samples = ResultRowParser.TryGet(p2, out var s, "samples_ns") && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetDouble()).Where(double.IsFinite).ToList()
                : [];
            perf = new PerfFigures(Num(p2, "median_ns"), Num(p2, "ci_low_ns"), Num(p2, "ci_high_ns"), Num(p2, "ci_level"), Num(p2, "cv_percent"),
                ResultRowParser.TryGet(p2, out var valid, "valid") && valid.ValueKind == JsonValueKind.True,
                ResultRowParser.Str(p2, "invalid_reason"), (int?)Long(p2, "rounds"), samples);
        }
        var (adapterVersion, libraryVersion) = SplitVersion(version);
        var primary = ResultRowParser.Str(json, "accuracy", "primary_metric");
        return new IndexedResult(experiment, library, ResultRowParser.Str(json, "role"), ResultRowParser.Str(json, "parity"),
            ResultRowParser.Str(json, "outcome"), ResultRowParser.Str(json, "dataset", "fingerprint"), libraryVersion, adapterVersion,
            primary, metrics.FirstOrDefault(m => m.Metric == primary)?.Unit, metrics, perf);
    }

    /// <summary>
    /// An adapter's version line reads "&lt;adapter&gt; &lt;version&gt;; &lt;library&gt; &lt;version&gt;" by convention
    /// (docs/adapter-protocol.md): the part after the first "; " is the library's, the whole line the adapter's.
    /// </summary>
    internal static (string? Adapter, string? Library) SplitVersion(string? version)
    {
        if (version is null)
        {
            return (null, null);
        }
        var cut = version.IndexOf("; ", StringComparison.Ordinal);
        return (version, cut < 0 ? version : version[(cut + 2)..]);
    }

    private static Testbed? ReadTestbed(JsonElement? manifest)
    {
        if (manifest is not { } m || !m.TryGetProperty("testbed", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        try
        {
            var testbed = t.Deserialize<Testbed>(ResultJson.Options);
            return testbed is not null && Testbed.IsValidKey(testbed.Key) && testbed.Key != Testbed.UnknownKey ? testbed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> AdapterVersions(JsonElement? manifest)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (manifest is { } m && m.TryGetProperty("adapters", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in list.EnumerateArray())
            {
                if (ResultRowParser.Str(a, "name") is { } name && ResultRowParser.Str(a, "version") is { } version)
                {
                    versions[name] = version;
                }
            }
        }
        return versions;
    }

    private static double? Num(JsonElement e, string name) => ResultRowParser.Num(e, name);

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;
}
