namespace AstroBench.Core.Statistics;

/// <summary>
/// Settings of <see cref="EDivisive"/>: the shortest segment (values on each side of a change), the number of
/// permutations and the significance level of the permutation test, the most change points looked for, and the seed.
/// </summary>
public sealed record EDivisiveOptions(int MinSegment = 5, int Permutations = 199, double PValue = 0.01, int MaxChangePoints = 8, long Seed = 1);
