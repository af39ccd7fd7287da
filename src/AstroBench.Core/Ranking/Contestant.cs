using System.Text.Json;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Ranking;

/// <summary>What the scoreboard needs of one result file: its primary error, its timing, whether either may be ranked.</summary>
public sealed record Contestant(
    string Experiment,
    string Library,
    string Role,
    string Outcome,
    string? Parity,
    string? Metric,
    string? Unit,
    double? P99,
    bool PerfValid,
    string? PerfInvalidReason,
    double? MedianNs,
    IReadOnlyList<double> SamplesNs,
    ReferenceUncertainty? StoredUncertainty)
{
    public bool IsReference => Role == "reference";

    public bool Completed => Outcome == CallOutcome.Completed.ToWire();

    public static Contestant From(JsonElement json, string experiment, string library)
    {
        var row = ResultRowParser.Parse(json, experiment, library);
        var samples = ResultRowParser.TryGet(json, out var s, "performance", "samples_ns") && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList()
            : [];
        ReferenceUncertainty? stored = null;
        if (ResultRowParser.TryGet(json, out var u, "reference_uncertainty") && u.ValueKind == JsonValueKind.Object)
        {
            stored = u.Deserialize<ReferenceUncertainty>(ResultJson.Options);
        }
        return new Contestant(row.Experiment, row.Library, row.Role ?? "candidate", row.Outcome ?? "", row.Parity, row.PrimaryMetric, row.Unit,
            row.P99 is { } p && double.IsFinite(p) ? Math.Abs(p) : null, row.PerfValid == true && samples.Count > 0, row.PerfInvalidReason,
            row.MedianNs, samples, stored);
    }
}
