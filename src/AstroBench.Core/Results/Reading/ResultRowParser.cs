using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>Extracts a <see cref="ResultRow"/> from a library result JSON, tolerating missing fields (older files).</summary>
internal static class ResultRowParser
{
    public static ResultRow Parse(JsonElement root, string experiment, string library)
    {
        var primary = Str(root, "accuracy", "primary_metric");
        JsonElement? metric = null;
        if (primary is not null && TryGet(root, out var m, "accuracy", "metrics", primary))
        {
            metric = m;
        }
        TryGet(root, out var perf, "performance");
        var hasPerf = perf.ValueKind == JsonValueKind.Object;
        return new ResultRow(
            Str(root, "experiment") ?? experiment,
            Str(root, "library") ?? library,
            Str(root, "role"),
            Str(root, "parity"),
            Str(root, "model"),
            Str(root, "outcome"),
            primary,
            metric is { } u ? Str(u, "unit") : null,
            metric is { } a ? Num(a, "p50") : null,
            metric is { } b ? Num(b, "p99") : null,
            metric is { } c ? Num(c, "max") : null,
            hasPerf ? Num(perf, "median_ns") : null,
            hasPerf ? Num(perf, "ci_low_ns") : null,
            hasPerf ? Num(perf, "ci_high_ns") : null,
            hasPerf ? Num(perf, "cv_percent") : null,
            hasPerf && perf.TryGetProperty("valid", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null,
            hasPerf ? Str(perf, "invalid_reason") : null,
            hasPerf ? Num(perf, "speedup_vs_reference") : null,
            Str(root, "dataset", "fingerprint"),
            hasPerf ? Num(perf, "ci_level") : null,
            hasPerf ? Num(perf, "speedup_ci_low") : null,
            hasPerf ? Num(perf, "speedup_ci_high") : null,
            hasPerf ? Num(perf, "speedup_ci_level") : null,
            hasPerf ? Str(perf, "speedup_verdict") : null,
            hasPerf ? Samples(perf) : null,
            Statistics.SpeedupLabels.Fallback(hasPerf ? Str(perf, "speedup_label") : null, Str(root, "parity")));
    }

    private static List<double>? Samples(JsonElement perf) =>
        perf.TryGetProperty("samples_ns", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number && x.TryGetDouble(out var d) && double.IsFinite(d)).Select(x => x.GetDouble()).ToList()
            : null;

    internal static bool TryGet(JsonElement element, out JsonElement value, params string[] path)
    {
        value = element;
        foreach (var name in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                value = default;
                return false;
            }
        }
        return true;
    }

    internal static string? Str(JsonElement element, params string[] path) =>
        TryGet(element, out var v, path) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static double? Num(JsonElement element, params string[] path) =>
        TryGet(element, out var v, path) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
}
