using AstroBench.Core.Results.Reading;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.History;

/// <summary>What the index keeps of one run folder: its listing summary, testbed, commit, size and one row per library result.</summary>
public sealed record IndexedRun(
    RunSummary Summary,
    string TestbedKey,
    Testbed? Testbed,
    DateTimeOffset? StartedAt,
    string? GitSha,
    bool CiMode,
    long Bytes,
    IReadOnlyList<IndexedResult> Results);
