namespace AstroBench.Core.Protocol;

/// <summary>The protocol version and number encoding of one exchange; v1 is always decimal.</summary>
public sealed record WireFormat(int Version, WireEncoding Encoding)
{
    public static WireFormat V1 { get; } = new(ProtocolConstants.Version, WireEncoding.Decimal);

    public string HeaderLine => Version == ProtocolConstants.Version ? ProtocolConstants.HeaderLine : ProtocolConstants.HeaderLineV2;

    /// <summary>Binary frames carry raw doubles after the header (<see cref="BinaryRows"/>), not text rows.</summary>
    public bool IsBinary => Encoding == WireEncoding.Binary;

    /// <summary>The room one number needs at most in a row buffer.</summary>
    public int MaxNumberLength => Encoding == WireEncoding.Hex ? HexFloat.MaxLength : 32;

    public bool TryFormat(double value, Span<char> destination, out int written) =>
        Encoding == WireEncoding.Hex ? HexFloat.TryFormat(value, destination, out written) : WireNumbers.TryFormat(value, destination, out written);

    /// <summary>Hex rows are parsed strictly as hex floats (plus nan/inf); decimal rows as v1 numbers.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out double value) =>
        Encoding == WireEncoding.Hex ? HexFloat.TryParse(text, out value) || WireNumbers.TryParseNonFinite(text, out value) : WireNumbers.TryParse(text, out value);
}
