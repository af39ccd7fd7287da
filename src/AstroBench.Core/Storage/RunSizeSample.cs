namespace AstroBench.Core.Storage;

/// <summary>
/// One earlier run as the size predictor sees it: its <c>n</c> and result count (experiment × library
/// pairs) from its manifest, and its measured size on disk.
/// </summary>
public readonly record struct RunSizeSample(int N, int Results, long Bytes)
{
    /// <summary>Cases written: every result holds one row per case.</summary>
    public long Cases => (long)N * Results;
}
