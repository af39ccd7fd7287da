using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Endpoints.OriginalLab;

/// <summary>The original lab's <c>run_metadata</c> and <c>benchmark_config</c>, from AstroBench's manifest.</summary>
internal static class RunMetadataView
{
    public static JsonObject Build(JsonElement manifest)
    {
        var env = manifest.TryGetProperty("environment", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var shas = new JsonObject();
        if (ExperimentResultView.Str(env, "git_sha") is { } sha)
        {
            shas["astrobench"] = sha;
        }
        var toolchain = new JsonObject();
        foreach (var key in new[] { "dotnet", "compiler" })
        {
            if (ExperimentResultView.Str(env, key) is { } value)
            {
                toolchain[key] = value;
            }
        }
        return new JsonObject
        {
            ["date"] = ExperimentResultView.Node(manifest, "started_at"),
            ["git_shas"] = shas,
            ["cpu_model"] = ExperimentResultView.Node(env, "cpu_model"),
            ["cpu_count"] = ExperimentResultView.Node(env, "cores"),
            ["os"] = ExperimentResultView.Node(env, "os"),
            ["toolchain"] = toolchain,
        };
    }

    public static JsonObject? BenchmarkConfig(JsonElement manifest)
    {
        if (!manifest.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var noPerf = config.TryGetProperty("no_perf", out var np) && np.ValueKind == JsonValueKind.True;
        return new JsonObject
        {
            ["perf_rounds"] = ExperimentResultView.Node(config, "perf_rounds"),
            ["perf_enabled"] = !noPerf,
        };
    }
}
