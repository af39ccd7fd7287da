namespace AstroBench.Core.Baselines;

/// <summary>The shape of <c>results/.baselines.json</c>: one entry per testbed, sorted by testbed key.</summary>
internal sealed record BaselineFile(IReadOnlyList<Baseline> Baselines);
