using System.Text.Json;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Server.Endpoints;

public sealed record RunListItemDto(string Id, DateTimeOffset? Timestamp, string? Machine, IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Libraries, int ResultCount, bool Complete)
{
    public static RunListItemDto From(RunSummary s) => new(s.Id, s.Timestamp, s.Machine, s.Experiments, s.Libraries, s.ResultCount, s.Complete);
}

public sealed record RunRowDto(string Experiment, string Library, string? Role, string? Parity, string? Model, string? Outcome,
    string? PrimaryMetric, string? Unit, double? P50, double? P99, double? Max, double? MedianNs, double? CiLowNs, double? CiHighNs,
    bool? PerfValid, double? SpeedupVsReference)
{
    public static RunRowDto From(ResultRow r) => new(r.Experiment, r.Library, r.Role, r.Parity, r.Model, r.Outcome, r.PrimaryMetric, r.Unit,
        r.P50, r.P99, r.Max, r.MedianNs, r.CiLowNs, r.CiHighNs, r.PerfValid, r.SpeedupVsReference);
}

public sealed record RunDetailDto(string Id, JsonElement? Manifest, IReadOnlyList<RunRowDto> Rows);

public sealed record ExperimentResultsDto(string Experiment, string RunId, IReadOnlyList<JsonElement> Results, string? SummaryMd);

public sealed record CasesPageDto(IReadOnlyList<string> Columns, IReadOnlyList<double?[]> Rows, long Offset, int Limit, long Total);

public sealed record PerformanceCellDto(string Experiment, string Library, string? Role, double? MedianNs, double? CiLowNs, double? CiHighNs,
    double? CvPercent, bool Valid, string? InvalidReason, double? SpeedupVsReference, int? Rank);

public sealed record PerformanceMatrixDto(string RunId, IReadOnlyList<string> Experiments, IReadOnlyList<string> Libraries,
    IReadOnlyList<PerformanceCellDto> Cells);

public sealed record ReloadDto(int Runs);
