namespace AstroBench.Core.Caching;

/// <summary>Outputs found in the cache, and the run that computed them.</summary>
public sealed record ReferenceCacheHit(string Key, string SourceRun, double[] Outputs);
