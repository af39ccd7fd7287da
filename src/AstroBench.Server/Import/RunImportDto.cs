namespace AstroBench.Server.Import;

/// <summary>The answer of <c>POST /api/runs/import</c> (201): the run as it now sits in results/.</summary>
public sealed record RunImportDto(string RunId, string Testbed, int Files, long Bytes);
