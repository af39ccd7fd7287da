using System.Text.Json.Nodes;

namespace AstroBench.Tests.Shared;

/// <summary>Adds a manifest <c>machine.probe</c> block (docs/run-folder.md) to a run folder written by <see cref="GateRuns"/>.</summary>
public static class ProbeRuns
{
    public static void WithProbe(string runDir, double medianNs, string kernel = "fp-poly+libm-trig/2")
    {
        var path = Path.Combine(runDir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest["machine"] = new JsonObject
        {
            ["probe"] = new JsonObject
            {
                ["kernel"] = kernel, ["values"] = 3, ["samples"] = 10, ["median_ns"] = medianNs, ["min_ns"] = medianNs, ["max_ns"] = medianNs,
                ["drift_percent"] = 0.0, ["robust_cv_percent"] = 0.0, ["drift_threshold_percent"] = 3.0, ["varied"] = false,
            },
        };
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
