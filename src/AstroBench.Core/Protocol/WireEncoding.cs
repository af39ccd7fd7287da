namespace AstroBench.Core.Protocol;

/// <summary>How numbers are spelled in case rows (docs/adapter-protocol.md, version 2: <c>encoding</c>).</summary>
public enum WireEncoding
{
    /// <summary>Shortest round-trip decimal: the only form of protocol v1.</summary>
    Decimal,

    /// <summary>Hexadecimal floating point (<see cref="HexFloat"/>): exact, cheaper to write and parse.</summary>
    Hex,

    /// <summary>IEEE 754 doubles, 8 bytes little-endian each, no separators (<see cref="BinaryRows"/>): nothing to format or parse.</summary>
    Binary,
}

public static class WireEncodingNames
{
    public static string ToWire(this WireEncoding encoding) => encoding switch
    {
        WireEncoding.Hex => "hex",
        WireEncoding.Binary => "binary",
        _ => "decimal",
    };

    public static WireEncoding? Parse(string? name) => name switch
    {
        "hex" => WireEncoding.Hex,
        "binary" => WireEncoding.Binary,
        "decimal" => WireEncoding.Decimal,
        _ => null,
    };
}
