namespace AstroBench.Core.History;

/// <summary>
/// One point of a history request as <see cref="HistoryPointBuffer"/> holds it. Values: accuracy p50, p99, max, mean,
/// rms in V0..V4; performance median, CI low, CI high in V0..V2.
/// </summary>
internal struct PointRow
{
    public TextRange RunId;
    public TextRange StartedAt;
    public TextRange GitSha;
    public TextRange LibraryVersion;
    public TextRange AdapterVersion;
    public TextRange Fingerprint;
    public TextRange InvalidReason;
    public bool Smoke;
    public bool Performance;
    public bool Judged;
    public bool Valid;
    public double? V0;
    public double? V1;
    public double? V2;
    public double? V3;
    public double? V4;
}
