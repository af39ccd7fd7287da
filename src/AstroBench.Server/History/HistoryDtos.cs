namespace AstroBench.Server.History;

/// <summary>One point of a series (docs/history.md). Accuracy fields are null for performance and the other way round.</summary>
public sealed record HistoryPointDto(string RunId, DateTimeOffset? StartedAt, string? GitSha, string? LibraryVersion, string? AdapterVersion,
    string? Fingerprint, double? Value, bool Judged, bool Smoke, bool? Valid, string? InvalidReason, double? CiLowNs, double? CiHighNs,
    double? P50, double? P99, double? Max, double? Mean, double? Rms, VersionChangeDto? VersionChange, string? ChangeId);

/// <summary>The library version changed from the previous point of the series to this one.</summary>
public sealed record VersionChangeDto(string? From, string? To);

/// <summary><c>GET /api/history</c>: one series, its points in the asked order and its detected changes.</summary>
public sealed record HistorySeriesDto(string Testbed, string? TestbedLabel, string Experiment, string Library, string Metric, string Kind,
    string? Unit, string Order, IReadOnlyList<HistoryPointDto> Points, IReadOnlyList<RegressionDto> Changes);

/// <summary><c>GET /api/history/series</c>: a series that has points.</summary>
public sealed record SeriesInfoDto(string Testbed, string? TestbedLabel, string Experiment, string Library, string Metric, string Kind,
    string? Unit, int Points, string LastRunId);

/// <summary><c>GET /api/history/testbeds</c>: a testbed as its newest run recorded it (all null but the key for <c>unknown</c>).</summary>
public sealed record TestbedDto(string Key, string? Label, string? CpuModel, int? Cores, string? Os, string? Runtime, string? Compiler, int Runs);
