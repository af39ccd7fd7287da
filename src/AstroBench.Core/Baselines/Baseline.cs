namespace AstroBench.Core.Baselines;

/// <summary>The run pinned as the reference of one testbed (docs/ci.md); <see cref="SetAt"/> is UTC.</summary>
public sealed record Baseline(string Testbed, string RunId, DateTimeOffset SetAt);
