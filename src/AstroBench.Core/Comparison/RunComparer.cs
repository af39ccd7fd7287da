using AstroBench.Core.Protocol;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Comparison;

/// <summary>
/// Run-to-run deltas with explicit significance rules (docs/http-api.md): performance changes count only
/// beyond 5 % AND with disjoint median confidence intervals; accuracy changes only when p99 moves beyond
/// 10 % relative plus an absolute floor of 1 µas in the metric's unit.
/// </summary>
public static class RunComparer
{
    public const double PerfMinChangePercent = 5.0;
    public const double AccuracyRelativeTolerance = 0.10;

    public static readonly IReadOnlyDictionary<string, double> AbsoluteFloor = new Dictionary<string, double>
    {
        ["mas"] = 1e-3, ["arcsec"] = 1e-6, ["rad"] = 4.85e-12, ["default"] = 1e-12,
    };

    internal static readonly string Completed = CallOutcome.Completed.ToWire();

    public static CompareDto Compare(RunDetail a, RunDetail b)
    {
        var accuracy = new List<AccuracyDeltaDto>();
        var perf = new List<PerfDeltaDto>();
        foreach (var (experiment, library, ra, rb) in ResultPairs.Join(a, b))
        {
            accuracy.Add(Accuracy(experiment, library, ra, rb));
            perf.Add(Performance(experiment, library, ra, rb));
        }
        return new CompareDto(a.Summary.Id, b.Summary.Id, MetricDeltas.From(accuracy, perf),
            new CompareRulesDto(PerfMinChangePercent, true, AccuracyRelativeTolerance, AbsoluteFloor), accuracy, perf,
            new CompareSummaryDto(accuracy.Count(x => x.Verdict == "regressed"), accuracy.Count(x => x.Verdict == "improved"),
                perf.Count(x => x.Verdict == "regressed"), perf.Count(x => x.Verdict == "improved")),
            new CompareTestbedsDto(TestbedOf(a), TestbedOf(b), TestbedOf(a) != TestbedOf(b)),
            MachineComparison.Of(a, b, PerfMinChangePercent));
    }

    private static string TestbedOf(RunDetail run) =>
        run.Manifest is { } m && m.TryGetProperty("testbed", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.Object
            && t.TryGetProperty("key", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.String
            ? k.GetString()! : AstroBench.Core.Testbeds.Testbed.UnknownKey;

    public static AccuracyDeltaDto Accuracy(string experiment, string library, ResultRow? a, ResultRow? b)
    {
        var verdict = (a, b) switch
        {
            (null, _) => "new",
            (_, null) => "missing",
            _ when a.Outcome != Completed || b.Outcome != Completed || a.P99 is null || b.P99 is null => "not_comparable",
            _ => Judge(a.P99!.Value, b.P99!.Value, Floor(b.Unit ?? a.Unit)),
        };
        double? delta = a?.P99 is { } pa && b?.P99 is { } pb ? pb - pa : null;
        double? relative = a?.P99 is { } x && b?.P99 is { } y && x != 0 ? (y - x) / x : null;
        var datasetChanged = a?.Fingerprint is { } fa && b?.Fingerprint is { } fb && fa != fb;
        return new AccuracyDeltaDto(experiment, library, b?.PrimaryMetric ?? a?.PrimaryMetric, b?.Unit ?? a?.Unit, a?.P99, b?.P99, a?.Max, b?.Max,
            delta, relative, datasetChanged, verdict);
    }

    public static PerfDeltaDto Performance(string experiment, string library, ResultRow? a, ResultRow? b)
    {
        double?[]? Ci(ResultRow? r) => r is null ? null : [r.CiLowNs, r.CiHighNs];
        if (a is null || b is null)
        {
            return new PerfDeltaDto(experiment, library, a?.MedianNs, b?.MedianNs, null, Ci(a), Ci(b), null, a is null ? "new" : "missing");
        }
        if (a.PerfValid != true || b.PerfValid != true || a.MedianNs is not { } ma || b.MedianNs is not { } mb || ma <= 0)
        {
            return new PerfDeltaDto(experiment, library, a.MedianNs, b.MedianNs, null, Ci(a), Ci(b), null, "not_comparable");
        }
        var change = (mb - ma) / ma * 100;
        bool? overlap = a.CiLowNs is { } al && a.CiHighNs is { } ah && b.CiLowNs is { } bl && b.CiHighNs is { } bh
            ? al <= bh && bl <= ah
            : null;
        // Without intervals we cannot claim significance: treat as overlapping.
        var disjoint = overlap == false;
        var verdict = disjoint && change > PerfMinChangePercent ? "regressed"
            : disjoint && change < -PerfMinChangePercent ? "improved"
            : "unchanged";
        return new PerfDeltaDto(experiment, library, ma, mb, Math.Round(change, 3), Ci(a), Ci(b), overlap, verdict);
    }

    private static string Judge(double p99A, double p99B, double floor) => ErrorChange.Of(p99A, p99B, AccuracyRelativeTolerance, floor) switch
    {
        > 0 => "regressed",
        < 0 => "improved",
        _ => "unchanged",
    };

    private static double Floor(string? unit) => unit is not null && AbsoluteFloor.TryGetValue(unit, out var f) ? f : AbsoluteFloor["default"];
}
