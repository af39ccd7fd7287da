namespace AstroBench.Core.Import;

/// <summary>A run imported and published: its id, folder, file count and bytes written.</summary>
public sealed record RunImportResult(string RunId, string Folder, int Files, long Bytes);
