using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Server.Endpoints.OriginalLab;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Server.Endpoints;

/// <summary>A run as listed: the original lab's <c>RunSummary</c> members first, then <c>complete</c>, then
/// retention's <c>bytes</c> (on disk) and <c>pinned</c> (docs/retention.md).</summary>
public sealed record RunListItemDto(string Id, DateTimeOffset? Timestamp, IReadOnlyDictionary<string, string> GitShas, string? Machine,
    IReadOnlyList<string> Experiments, IReadOnlyList<string> Libraries, int ResultCount, bool HasReports, bool Complete,
    long Bytes = 0, bool Pinned = false)
{
    public static RunListItemDto From(RunSummary s) =>
        new(s.Id, s.Timestamp, s.GitShas, s.Machine, s.Experiments, s.Libraries, s.ResultCount, s.HasReports, s.Complete);
}

public sealed record RunRowDto(string Experiment, string Library, string? Role, string? Parity, string? Model, string? Outcome,
    string? PrimaryMetric, string? Unit, double? P50, double? P99, double? Max, double? MedianNs, double? CiLowNs, double? CiHighNs,
    bool? PerfValid, double? SpeedupVsReference, double? CiLevel, string? PerfInvalidReason,
    double? SpeedupCiLow, double? SpeedupCiHigh, double? SpeedupCiLevel, string? SpeedupVerdict, string? SpeedupLabel = null)
{
    public static RunRowDto From(ResultRow r) => new(r.Experiment, r.Library, r.Role, r.Parity, r.Model, r.Outcome, r.PrimaryMetric, r.Unit,
        r.P50, r.P99, r.Max, r.MedianNs, r.CiLowNs, r.CiHighNs, r.PerfValid, SpeedupOrNull(r, r.SpeedupVsReference), r.CiLevel,
        r.PerfInvalidReason, SpeedupOrNull(r, r.SpeedupCiLow), SpeedupOrNull(r, r.SpeedupCiHigh), SpeedupOrNull(r, r.SpeedupCiLevel),
        r.PerfValid == true ? r.SpeedupVerdict : null, r.SpeedupLabel);

    /// <summary>An invalid result has no speedup, even in a folder written before that rule (its file may carry one).</summary>
    internal static double? SpeedupOrNull(ResultRow r, double? value) => r.PerfValid == true ? value : null;
}

/// <summary>
/// A run: the original lab's <c>RunDetail</c> members (id, timestamp, git_shas, machine, experiments
/// → its result objects, has_reports per experiment), then AstroBench's manifest and table rows.
/// </summary>
public sealed record RunDetailDto(string Id, DateTimeOffset? Timestamp, IReadOnlyDictionary<string, string> GitShas, string? Machine,
    IReadOnlyDictionary<string, List<JsonObject>> Experiments, IReadOnlyDictionary<string, bool> HasReports,
    JsonElement? Manifest, IReadOnlyList<RunRowDto> Rows, long Bytes = 0, bool Pinned = false)
{
    public static RunDetailDto From(RunDetail run) => new(run.Summary.Id, run.Summary.Timestamp, run.Summary.GitShas, run.Summary.Machine,
        run.Results.ToDictionary(kv => kv.Key, kv => ExperimentResultViews(kv.Value, run.Manifest), StringComparer.Ordinal),
        run.ExperimentReports, run.Manifest, run.Rows.Select(RunRowDto.From).ToList());

    /// <summary>Results of one experiment (reference first) as the API serves them.</summary>
    public static List<JsonObject> ExperimentResultViews(IReadOnlyList<JsonElement> results, JsonElement? manifest)
    {
        JsonElement? reference = results.FirstOrDefault(r => r.TryGetProperty("role", out var role) && role.ValueEquals("reference")) is var first
            && first.ValueKind == JsonValueKind.Object ? first : null;
        return results.Select(r => ExperimentResultView.Build(r, reference, manifest)).ToList();
    }
}

/// <summary><c>GET /api/runs/{run_id}/experiments/{experiment}/summary</c>.</summary>
public sealed record ExperimentSummaryDto(string Experiment, string RunId, string? SummaryMd);

public sealed record CasesPageDto(IReadOnlyList<string> Columns, IReadOnlyList<double?[]> Rows, long Offset, int Limit, long Total);

public sealed record PerformanceCellDto(string Experiment, string Library, string? Role, double? MedianNs, double? CiLowNs, double? CiHighNs,
    double? CvPercent, bool Valid, string? InvalidReason, double? SpeedupVsReference, int? Rank,
    string? Parity, double? CiLevel, double? SpeedupCiLow, double? SpeedupCiHigh, double? SpeedupCiLevel, string? SpeedupVerdict,
    string? SpeedupLabel = null);

public sealed record PerformanceMatrixDto(string RunId, IReadOnlyList<string> Experiments, IReadOnlyList<string> Libraries,
    IReadOnlyList<PerformanceCellDto> Cells);

public sealed record ReloadDto(int Runs);
