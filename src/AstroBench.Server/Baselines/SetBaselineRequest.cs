namespace AstroBench.Server.Baselines;

/// <summary>The body of <c>POST /api/baselines</c>: the run to pin; its testbed comes from its manifest.</summary>
public sealed record SetBaselineRequest(string? RunId);
