using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Ranking;

/// <summary>
/// Measures a reference's uncertainty from a run (docs/scoreboard.md): the per-case primary metric of one candidate
/// that realises the same quantity independently (cases.parquet column <c>&lt;library&gt;.&lt;metric&gt;</c>), split
/// into centuries of the epoch column; the value is the largest per-century p99 of |metric|.
/// </summary>
public static class ReferenceUncertaintyMeasurer
{
    /// <summary>
    /// Epoch inputs in order of preference; an experiment without one is measured as a single range. A UTC date is within
    /// 70 s of TT here, far less than a century.
    /// </summary>
    private static readonly string[] EpochColumns = ["jd_tt", "jd_ut1", "jd_utc"];

    private const double DaysPerJulianYear = 365.25;

    /// <summary>What is known about the candidate's result, from its result file.</summary>
    public sealed record Candidate(string Library, string Parity, string Reference, string PrimaryMetric, string Unit, string? Model = null);

    /// <summary>A JPL Development Ephemeris named in a model string ("JPL DE405", "DE440"): an independent numerical integration.</summary>
    private static readonly System.Text.RegularExpressions.Regex JplIntegration = new(@"\bDE ?\d{3,4}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>One unit in the last place of a unit-vector component near 1 (2⁻⁵² rad): below it two double results cannot differ.</summary>
    public const double DoubleResolutionRad = 2.220446049250313e-16;

    /// <summary>
    /// One unit in the last place of a two-part Julian Date's day fraction near 1 (2⁻⁵² day = 1.92e-11 s): a time offset
    /// read off two such dates (TT − UTC, UT1 − UTC) cannot be resolved below it.
    /// </summary>
    public const double DoubleResolutionDays = 2.220446049250313e-16;

    public static async Task<ReferenceUncertainty> MeasureAsync(string experimentDirectory, Candidate candidate, string runId,
        string source, DateOnly measuredOn, CancellationToken ct = default)
    {
        // A model gap is not an uncertainty of the reference: only a like-for-like or an independent ephemeris measures it.
        if (candidate.Parity is not (Parity.ModelParity or Parity.ExternalReference))
        {
            throw new InvalidOperationException(
                $"{candidate.Library} has parity '{candidate.Parity}': only a model-parity or external-reference result measures the reference's uncertainty");
        }
        // Against an external ephemeris only a second JPL integration measures the reference; an analytic theory measures itself.
        if (candidate.Parity == Parity.ExternalReference && (candidate.Model is null || !JplIntegration.IsMatch(candidate.Model)))
        {
            throw new InvalidOperationException(
                $"{candidate.Library}'s model ('{candidate.Model}') is not a JPL integration (DE…): it cannot measure an ephemeris reference's uncertainty");
        }
        var (columns, values) = await CasesParquetFile.ReadAllAsync(Path.Combine(experimentDirectory, CasesFiles.ParquetName), ct);
        var metricColumn = IndexOf(columns, $"{candidate.Library}.{candidate.PrimaryMetric}")
            ?? throw new InvalidDataException($"cases.parquet has no column {candidate.Library}.{candidate.PrimaryMetric}");
        var metric = values[metricColumn];
        var epochColumn = EpochColumns.Select(c => IndexOf(columns, c)).FirstOrDefault(i => i is not null);
        var years = epochColumn is { } e ? values[e].Select(jd => 2000.0 + (jd - Epochs.J2000) / DaysPerJulianYear).ToArray() : null;

        var finite = Enumerable.Range(0, metric.Length).Where(i => double.IsFinite(metric[i])).ToList();
        // The measured span: the first and last epoch the candidate answered, rounded outwards to 0.01 year.
        var span = years is null || finite.Count == 0
            ? (double.NaN, double.NaN)
            : (Math.Floor(finite.Min(i => years[i]) * 100) / 100, Math.Ceiling(finite.Max(i => years[i]) * 100) / 100);
        var ranges = finite
            .GroupBy(i => years is null ? 0 : Math.Floor(years[i] / 100.0))
            .OrderBy(g => g.Key)
            .Select(g => Range(g.Key, span, g.Select(i => Math.Abs(metric[i])).ToArray()))
            .ToList();
        if (ranges.Count == 0)
        {
            throw new InvalidDataException($"{candidate.Library} has no finite {candidate.PrimaryMetric} value in this run");
        }
        var measured = ranges.Max(r => r.P99);
        var floor = candidate.Parity == Parity.ModelParity ? ResolutionIn(candidate.Unit) : 0;
        var per = years is null ? "over all cases (no epoch input)" : "per century of epoch";
        var method = (candidate.Parity == Parity.ExternalReference
            ? $"p99 of |{candidate.PrimaryMetric}| between the reference and a second JPL integration ({candidate.Model}), {per}; the largest p99."
            : $"p99 of |{candidate.PrimaryMetric}| between the reference and the same model computed independently ({candidate.Library}), " +
              $"{per}; the largest p99, at least one double ulp of the output ({ResolutionBasis(candidate.Unit)} = {SummaryMarkdown.Num(floor)} {candidate.Unit}): the numerical floor.")
            + Coverage(metric.Length - finite.Count, metric.Length, ranges);
        return new ReferenceUncertainty(Math.Max(measured, floor), candidate.Unit, candidate.PrimaryMetric, method, source,
            new UncertaintyProvenance(runId, candidate.Library, candidate.Reference, measuredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ranges.Sum(r => r.Cases)),
            ranges);
    }

    /// <summary>
    /// Says which cases could not be measured (the candidate answered nan: e.g. an epoch outside its ephemeris table), so the
    /// measured epoch span is stated where it is narrower than the experiment's.
    /// </summary>
    private static string Coverage(int excluded, int total, IReadOnlyList<UncertaintyRange> ranges)
    {
        if (excluded == 0)
        {
            return "";
        }
        var span = ranges[0].FromYear is not null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (measured over {ranges[0].FromYear:0.##}–{ranges[^1].ToYear:0.##} only)")
            : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $" {excluded} of {total} cases have no finite value from the candidate and are left out{span}.");
    }

    /// <summary>
    /// <see cref="DoubleResolutionRad"/> in an angle unit, <see cref="DoubleResolutionDays"/> in a time unit; 0 for any
    /// other unit (no stated floor).
    /// </summary>
    private static double ResolutionIn(string unit) => unit switch
    {
        "mas" => DoubleResolutionRad * Numerics.Angles.MasPerRad,
        "arcsec" => DoubleResolutionRad * Numerics.Angles.ArcsecPerRad,
        "rad" => DoubleResolutionRad,
        "us" => DoubleResolutionDays * SecondsPerDay * 1e6,
        "s" => DoubleResolutionDays * SecondsPerDay,
        _ => 0,
    };

    private const double SecondsPerDay = 86400;

    private static string ResolutionBasis(string unit) => unit is "us" or "s" ? "2^-52 day of a two-part JD" : "2^-52 rad";

    /// <summary>
    /// One century's figures; its bounds are the century clipped to the measured span, so a candidate whose data start in
    /// December 1959 says 1959.94–2000, not 1900–2000. Without an epoch column the bounds are null.
    /// </summary>
    private static UncertaintyRange Range(double century, (double From, double To) span, double[] errors)
    {
        Array.Sort(errors);
        // NaN (no epoch column) becomes null: JSON has no NaN, and the server's serializer refuses one.
        double? from = double.IsNaN(span.From) ? null : Math.Round(Math.Max(century * 100, span.From), 2);
        double? to = double.IsNaN(span.To) ? null : Math.Round(Math.Min(century * 100 + 100, span.To), 2);
        return new UncertaintyRange(from, to, errors.Length, Percentiles.OfSorted(errors, 0.99), errors[^1], Percentiles.OfSorted(errors, 0.5));
    }

    private static int? IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }
        return null;
    }
}
