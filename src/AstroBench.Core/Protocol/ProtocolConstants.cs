namespace AstroBench.Core.Protocol;

/// <summary>Adapter protocol v1 and v2 (docs/adapter-protocol.md).</summary>
public static class ProtocolConstants
{
    public const string Magic = "ABP";
    public const int Version = 1;
    public const string HeaderLine = "ABP 1";
    public const string End = "end";

    /// <summary>Version 2: a persistent process serving framed accuracy requests (docs/adapter-protocol.md).</summary>
    public const int Version2 = 2;
    public const string HeaderLineV2 = "ABP 2";

    /// <summary>Perf requests carry at most this many sample cases; the adapter cycles through them.</summary>
    public const int MaxPerfCases = 1024;
}
