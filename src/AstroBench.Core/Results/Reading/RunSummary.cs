namespace AstroBench.Core.Results.Reading;

/// <summary>One run folder as listed: enough for a table of runs, without reading result files.</summary>
public sealed record RunSummary(
    string Id,
    DateTimeOffset? Timestamp,
    string? Machine,
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Libraries,
    int ResultCount,
    bool Complete,
    RunLayout Layout);
