namespace AstroBench.Core.Retention;

/// <summary>One run a plan removes, with the rule that selected it.</summary>
public sealed record RunRemoval(string RunId, long Bytes, string Rule, DateTimeOffset Time);
