using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>How accuracy requests reach adapters (docs/engine.md, <c>--transport</c>); timing always uses v1, one process per call.</summary>
public enum AccuracyTransport
{
    /// <summary>v2 with the adapter's best encoding when it speaks v2, else v1.</summary>
    Auto,

    /// <summary>v1 for everyone: one fresh process per call (the lab before v2).</summary>
    V1,

    /// <summary>v2 with decimal numbers where the adapter speaks v2.</summary>
    Decimal,

    /// <summary>v2 with hex floats where the adapter declares them (decimal otherwise).</summary>
    Hex,

    /// <summary>v2 with binary frames where the adapter declares them (its best other encoding otherwise).</summary>
    Binary,
}

public static class AccuracyTransports
{
    public static readonly IReadOnlyList<string> Names = ["auto", "v1", "decimal", "hex", "binary"];

    public static AccuracyTransport? Parse(string? name) => name switch
    {
        "auto" => AccuracyTransport.Auto,
        "v1" => AccuracyTransport.V1,
        "decimal" => AccuracyTransport.Decimal,
        "hex" => AccuracyTransport.Hex,
        "binary" => AccuracyTransport.Binary,
        _ => null,
    };

    /// <summary>The v2 format for this adapter, or null for v1.</summary>
    public static WireFormat? FormatFor(this AccuracyTransport transport, AdapterManifest manifest)
    {
        if (transport == AccuracyTransport.V1 || !manifest.SpeaksV2)
        {
            return null;
        }
        var encoding = transport switch
        {
            AccuracyTransport.Decimal => WireEncoding.Decimal,
            AccuracyTransport.Hex => manifest.Declares(WireEncoding.Hex) ? WireEncoding.Hex : WireEncoding.Decimal,
            _ => manifest.BestEncoding,
        };
        return new WireFormat(ProtocolConstants.Version2, encoding);
    }

    /// <summary>How the manifest names it: <c>v1</c>, <c>v2/decimal</c>, <c>v2/hex</c>, <c>v2/binary</c>.</summary>
    public static string Describe(this AccuracyTransport transport, AdapterManifest manifest) =>
        transport.FormatFor(manifest) is { } f ? "v2/" + f.Encoding.ToWire() : "v1";
}
