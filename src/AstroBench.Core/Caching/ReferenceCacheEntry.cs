namespace AstroBench.Core.Caching;

/// <summary><c>entry.json</c> of one cached reference output (docs/engine.md, "Reference cache").</summary>
public sealed record ReferenceCacheEntry(
    string Schema,
    string Experiment,
    string DatasetFingerprint,
    string Adapter,
    string Version,
    string Build,
    int Rows,
    int Columns,
    string SourceRun,
    string OutputsSha256)
{
    public const string SchemaId = "astrobench.reference-cache/1";
}
