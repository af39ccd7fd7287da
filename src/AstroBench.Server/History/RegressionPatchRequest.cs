namespace AstroBench.Server.History;

/// <summary><c>PATCH /api/regressions/{id}</c>: the new state, an optional note (required for expected-shift) and who sets it.</summary>
public sealed record RegressionPatchRequest(string? State, string? Note, string? By);
