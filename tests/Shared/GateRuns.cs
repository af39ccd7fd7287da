using System.Globalization;
using System.Text.Json.Nodes;

namespace AstroBench.Tests.Shared;

/// <summary>
/// Writes run folders with exactly the fields the run reader, the gate and the dashboards read (docs/run-folder.md),
/// so a test controls every number of a comparison. Not a copy of a real run: a real one is made by the orchestrator.
/// </summary>
public static class GateRuns
{
    public static string Write(string resultsDir, string runId, string? testbedKey, params GateResult[] results)
    {
        var dir = Path.Combine(resultsDir, runId);
        Directory.CreateDirectory(dir);
        var list = new JsonArray();
        foreach (var r in results)
        {
            Directory.CreateDirectory(Path.Combine(dir, r.Experiment));
            File.WriteAllText(Path.Combine(dir, r.Experiment, r.Library + ".json"), Result(r).ToJsonString());
            list.Add(new JsonObject { ["experiment"] = r.Experiment, ["library"] = r.Library });
        }
        var manifest = new JsonObject
        {
            ["run_id"] = runId,
            ["started_at"] = runId[..10] + "T" + runId[11..19].Replace('-', ':') + "Z",
            ["completeness"] = new JsonObject { ["complete"] = true },
            ["results"] = list,
        };
        if (testbedKey is not null)
        {
            manifest["testbed"] = new JsonObject { ["key"] = testbedKey, ["label"] = null };
        }
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
        return dir;
    }

    private static JsonObject Result(GateResult r)
    {
        var json = new JsonObject
        {
            ["experiment"] = r.Experiment,
            ["library"] = r.Library,
            ["role"] = r.Library == "erfa" ? "reference" : "candidate",
            ["outcome"] = r.Outcome,
            ["dataset"] = new JsonObject { ["fingerprint"] = r.Fingerprint },
            ["accuracy"] = new JsonObject
            {
                ["primary_metric"] = "error_arcsec",
                ["metrics"] = new JsonObject
                {
                    ["error_arcsec"] = new JsonObject { ["unit"] = "arcsec", ["p50"] = r.P99 / 2, ["p99"] = r.P99, ["max"] = r.Max },
                },
            },
        };
        if (r.SamplesNs is { } s)
        {
            var sorted = s.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            json["performance"] = new JsonObject
            {
                ["valid"] = r.PerfValid,
                ["invalid_reason"] = r.InvalidReason,
                ["rounds"] = s.Length,
                ["median_ns"] = median,
                ["ci_low_ns"] = sorted[0],
                ["ci_high_ns"] = sorted[^1],
                ["cv_percent"] = 1.0,
                ["samples_ns"] = new JsonArray(s.Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
            };
        }
        return json;
    }

    /// <summary>n equal samples: a bootstrap interval of two such sides is exactly the ratio, so expected files can be written by hand.</summary>
    public static double[] Flat(double ns, int n = 5) => Enumerable.Repeat(ns, n).ToArray();

    public static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);
}
