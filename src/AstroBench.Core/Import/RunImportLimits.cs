namespace AstroBench.Core.Import;

/// <summary>
/// What an imported run may hold (docs/publish-import.md). Sizes are the entries' declared (uncompressed) sizes,
/// checked before anything is extracted, and enforced again while copying, so a lying header cannot write more.
/// </summary>
public sealed record RunImportLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes)
{
    /// <summary>10,000 files, 512 MiB per file, 1 GiB in all: far above a real run (33 experiments × 7 libraries ≈ 500 files).</summary>
    public static RunImportLimits Default { get; } = new(10_000, 512L << 20, 1L << 30);

    /// <summary>The manifest is read into memory for the schema check: it is small in every real run.</summary>
    public const long MaxManifestBytes = 16L << 20;
}
