using System.Text.Json.Nodes;

namespace AstroBench.Server.Endpoints.OriginalLab;

/// <summary>
/// The original lab's <c>PerformanceData</c> names beside AstroBench's performance block. Left out on
/// purpose: <c>per_op_ns_ci95</c>, because AstroBench's interval of the median has the coverage in
/// <c>ci_level</c> (93.75 % with 5 rounds), not 95 %, and a field must not claim what it is not.
/// </summary>
internal static class PerformanceView
{
    public static void AddAliases(JsonObject performance)
    {
        Alias(performance, "per_op_ns", "median_ns");
        Alias(performance, "per_op_ns_median", "median_ns");
        Alias(performance, "per_op_ns_mean", "mean_ns");
        Alias(performance, "per_op_ns_min", "min_ns");
        Alias(performance, "per_op_ns_max", "max_ns");
        Alias(performance, "per_op_ns_cv_pct", "cv_percent");
        Alias(performance, "throughput_ops_s", "throughput_ops_per_s");
        Alias(performance, "batch_size", "ops_per_round");
        Alias(performance, "samples", "samples_ns");
        if (Number(performance, "mean_ns") is { } mean && Number(performance, "cv_percent") is { } cv)
        {
            ExperimentResultView.AddMissing(performance, "per_op_ns_std_dev", JsonValue.Create(mean * cv / 100.0));
        }
        if (Number(performance, "median_ns") is { } median && Number(performance, "ops_per_round") is { } ops)
        {
            ExperimentResultView.AddMissing(performance, "total_ns_median", JsonValue.Create(median * ops));
        }
        if (performance.ContainsKey("invalid_reason"))
        {
            var reason = performance["invalid_reason"]?.GetValue<string>();
            ExperimentResultView.AddMissing(performance, "warnings", reason is null ? new JsonArray() : new JsonArray(reason));
        }
    }

    private static void Alias(JsonObject o, string original, string ours)
    {
        if (o[ours] is { } value)
        {
            ExperimentResultView.AddMissing(o, original, value.DeepClone());
        }
    }

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
