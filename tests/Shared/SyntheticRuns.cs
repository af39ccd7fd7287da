using System.Globalization;
using System.Text.Json.Nodes;
using AstroBench.Core.Testbeds;

namespace AstroBench.Tests.Shared;

/// <summary>Writes run folders of the documented shape (docs/run-folder.md) with chosen numbers, for index, history and regression tests.</summary>
internal static class SyntheticRuns
{
    public static Testbed Bench { get; } = Testbed.Create("Synthetic CPU", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc 14.2.0", "synthetic");

    /// <summary>The run id of the i-th synthetic run: one minute apart, so ids sort in creation order.</summary>
    public static string Id(int i) => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);

    public static string Write(string resultsDir, string runId, IReadOnlyList<SyntheticResult> results, Testbed? testbed = null,
        string? gitSha = "0123456789abcdef0123456789abcdef01234567", IReadOnlyDictionary<string, string>? versions = null, bool ciMode = false)
    {
        var dir = Path.Combine(resultsDir, runId);
        var started = DateTime.ParseExact(runId[..19], "yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var experiments = results.Select(r => r.Experiment).Distinct().ToList();
        var libraries = results.Select(r => r.Library).Distinct().ToList();
        var manifest = new JsonObject
        {
            ["schema"] = "astrobench.run/1",
            ["run_id"] = runId,
            ["started_at"] = started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["finished_at"] = started.AddSeconds(30).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["config"] = new JsonObject
            {
                ["experiments"] = Array(experiments), ["libraries"] = Array(libraries), ["n"] = 1000, ["seed"] = 42, ["perf_rounds"] = 5,
                ["no_perf"] = false, ["ci_mode"] = ciMode, ["notes"] = null,
            },
            ["environment"] = new JsonObject
            {
                ["machine"] = "synthetic", ["cpu_model"] = "Synthetic CPU", ["cores"] = 2, ["os"] = "Debian", ["dotnet"] = ".NET 10.0.0",
                ["compiler"] = "gcc", ["git_sha"] = gitSha, ["git_dirty"] = false,
            },
            ["adapters"] = new JsonArray(libraries.Select(l => (JsonNode)new JsonObject
            {
                ["name"] = l, ["library"] = l, ["language"] = "c",
                ["version"] = versions is not null && versions.TryGetValue(l, out var v) ? v : $"{l}-adapter 1.0.0; {l} 1.0.0",
            }).ToArray()),
            ["completeness"] = new JsonObject { ["requested"] = Array(experiments), ["completed"] = Array(experiments), ["failed"] = new JsonArray(), ["complete"] = true },
            ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["experiment"] = r.Experiment, ["library"] = r.Library, ["role"] = r.Role, ["outcome"] = "completed", ["parity"] = "model-parity",
                ["file"] = $"{r.Experiment}/{r.Library}.json",
            }).ToArray()),
            ["timing"] = new JsonObject { ["wall_s"] = 30.0, ["adapter_calls_s"] = 29.0, ["adapter_calls"] = 10, ["overhead_s"] = 1.0 },
        };
        if (testbed is not null)
        {
            manifest["testbed"] = new JsonObject
            {
                ["key"] = testbed.Key, ["label"] = testbed.Label, ["cpu_model"] = testbed.CpuModel, ["cores"] = testbed.Cores, ["os"] = testbed.Os,
                ["runtime"] = testbed.Runtime, ["compiler"] = testbed.Compiler,
            };
        }
        foreach (var r in results)
        {
            Directory.CreateDirectory(Path.Combine(dir, r.Experiment));
            File.WriteAllText(Path.Combine(dir, r.Experiment, r.Library + ".json"), Result(r).ToJsonString());
        }
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
        return dir;
    }

    private static JsonObject Result(SyntheticResult r) => new()
    {
        ["schema"] = "astrobench.result/1",
        ["experiment"] = r.Experiment, ["library"] = r.Library, ["role"] = r.Role, ["reference"] = "erfa", ["model"] = "m", ["reference_model"] = "m",
        ["parity"] = "model-parity", ["outcome"] = "completed", ["outcome_detail"] = null,
        ["dataset"] = new JsonObject { ["n"] = 1000, ["seed"] = 42, ["edge_cases"] = 6, ["fingerprint"] = r.Fingerprint },
        ["accuracy"] = new JsonObject
        {
            ["primary_metric"] = r.Metric,
            ["metrics"] = new JsonObject
            {
                [r.Metric] = new JsonObject
                {
                    ["unit"] = "arcsec", ["signed"] = false, ["count"] = 1000, ["nan_count"] = 0, ["min"] = 0.0, ["max"] = r.Max, ["mean"] = r.Mean,
                    ["rms"] = r.Rms, ["p50"] = r.P50, ["p90"] = r.P99, ["p95"] = r.P99, ["p99"] = r.P99, ["bias"] = null, ["self_check"] = false,
                },
            },
        },
        ["performance"] = r.MedianNs is not { } median ? null : new JsonObject
        {
            ["valid"] = r.PerfValid, ["invalid_reason"] = r.InvalidReason, ["rounds"] = r.SamplesNs.Count, ["median_ns"] = median,
            ["ci_low_ns"] = r.SamplesNs.Count > 0 ? r.SamplesNs.Min() : median, ["ci_high_ns"] = r.SamplesNs.Count > 0 ? r.SamplesNs.Max() : median,
            ["ci_level"] = 0.9375, ["cv_percent"] = 1.0, ["samples_ns"] = new JsonArray(r.SamplesNs.Select(s => (JsonNode)s).ToArray()),
        },
    };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
