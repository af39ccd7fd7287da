namespace AstroBench.Core.Results.Reading;

/// <summary>
/// One run folder as listed: enough for a table of runs. <see cref="GitShas"/> maps a repository to
/// its commit (AstroBench's own as <c>astrobench</c>; the original lab's folders carry theirs);
/// <see cref="HasReports"/> is true when the run has a human-readable summary.
/// </summary>
public sealed record RunSummary(
    string Id,
    DateTimeOffset? Timestamp,
    string? Machine,
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Libraries,
    int ResultCount,
    bool Complete,
    RunLayout Layout,
    IReadOnlyDictionary<string, string> GitShas,
    bool HasReports);
