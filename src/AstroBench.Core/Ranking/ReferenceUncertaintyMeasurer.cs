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
    /// <summary>Epoch inputs in order of preference; an experiment without one is measured as a single range.</summary>
    private static readonly string[] EpochColumns = ["jd_tt", "jd_ut1"];

    private const double DaysPerJulianYear = 365.25;

    /// <summary>What is known about the candidate's result, from its result file.</summary>
    public sealed record Candidate(string Library, string Parity, string Reference, string PrimaryMetric, string Unit);

    public static async Task<ReferenceUncertainty> MeasureAsync(string experimentDirectory, Candidate candidate, string runId,
        string source, DateOnly measuredOn, CancellationToken ct = default)
    {
        // A model gap is not an uncertainty of the reference: only a like-for-like or an independent ephemeris measures it.
        if (candidate.Parity is not (Parity.ModelParity or Parity.ExternalReference))
        {
            throw new InvalidOperationException(
                $"{candidate.Library} has parity '{candidate.Parity}': only a model-parity or external-reference result measures the reference's uncertainty");
        }
        var (columns, values) = await CasesParquetFile.ReadAllAsync(Path.Combine(experimentDirectory, CasesFiles.ParquetName), ct);
        var metricColumn = IndexOf(columns, $"{candidate.Library}.{candidate.PrimaryMetric}")
            ?? throw new InvalidDataException($"cases.parquet has no column {candidate.Library}.{candidate.PrimaryMetric}");
        var metric = values[metricColumn];
        var epochColumn = EpochColumns.Select(c => IndexOf(columns, c)).FirstOrDefault(i => i is not null);
        var years = epochColumn is { } e ? values[e].Select(jd => 2000.0 + (jd - Epochs.J2000) / DaysPerJulianYear).ToArray() : null;

        var ranges = Enumerable.Range(0, metric.Length)
            .Where(i => double.IsFinite(metric[i]))
            .GroupBy(i => years is null ? 0 : Math.Floor(years[i] / 100.0))
            .OrderBy(g => g.Key)
            .Select(g => Range(g.Key, years is not null, g.Select(i => Math.Abs(metric[i])).ToArray()))
            .ToList();
        if (ranges.Count == 0)
        {
            throw new InvalidDataException($"{candidate.Library} has no finite {candidate.PrimaryMetric} value in this run");
        }
        var method = candidate.Parity == Parity.ExternalReference
            ? $"p99 of |{candidate.PrimaryMetric}| between the reference and an independent ephemeris ({candidate.Library}), per century of epoch; the largest p99."
            : $"p99 of |{candidate.PrimaryMetric}| between the reference and the same model computed independently ({candidate.Library}), per century of epoch; the largest p99 (the numerical floor).";
        return new ReferenceUncertainty(ranges.Max(r => r.P99), candidate.Unit, candidate.PrimaryMetric, method, source,
            new UncertaintyProvenance(runId, candidate.Library, candidate.Reference, measuredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ranges.Sum(r => r.Cases)),
            ranges);
    }

    private static UncertaintyRange Range(double century, bool hasEpoch, double[] errors)
    {
        Array.Sort(errors);
        var (from, to) = hasEpoch ? (century * 100, century * 100 + 100) : (double.NaN, double.NaN);
        return new UncertaintyRange(from, to, errors.Length, Percentiles.OfSorted(errors, 0.99), errors[^1]);
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
