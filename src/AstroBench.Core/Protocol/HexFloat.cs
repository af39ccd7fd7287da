namespace AstroBench.Core.Protocol;

/// <summary>
/// Hexadecimal floating-point text (C's <c>%a</c>, Python's <c>float.hex</c>): exact by construction, and far
/// cheaper to write and read than the shortest round-trip decimal, which needs big-number arithmetic. .NET has
/// no hex-float parser, hence this one. Finite values are written as <c>[-]0x1.&lt;hex&gt;p±e</c> (normal),
/// <c>[-]0x0.&lt;hex&gt;p-1022</c> (subnormal) or <c>[-]0x0p+0</c> (zero, sign kept); non-finite values as
/// <c>nan</c>, <c>inf</c>, <c>-inf</c>, like the decimal form. The parser reads any number of hex digits and
/// rounds to nearest, ties to even, as strtod does.
/// </summary>
public static partial class HexFloat
{
    private const string Digits = "0123456789abcdef";

    /// <summary>At most 24 characters: "-0x1.", 13 digits, "p-1022".</summary>
    public const int MaxLength = 24;

    public static bool TryFormat(double value, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxLength)
        {
            return false;
        }
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentField = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        var pos = 0;
        if (exponentField == 0x7FF)
        {
            var text = fraction != 0 ? "nan" : bits < 0 ? "-inf" : "inf";
            text.AsSpan().CopyTo(destination);
            written = text.Length;
            return true;
        }
        if (bits < 0)
        {
            destination[pos++] = '-';
        }
        destination[pos++] = '0';
        destination[pos++] = 'x';
        int exponent;
        if (exponentField == 0)
        {
            destination[pos++] = '0';
            exponent = fraction == 0 ? 0 : -1022;
        }
        else
        {
            destination[pos++] = '1';
            exponent = exponentField - 1023;
        }
        if (fraction != 0)
        {
            destination[pos++] = '.';
            // 13 nibbles, trailing zeros dropped.
            var nibbles = 13;
            while ((fraction & 0xF) == 0)
            {
                fraction >>= 4;
                nibbles--;
            }
            for (var i = nibbles - 1; i >= 0; i--)
            {
                destination[pos++] = Digits[(int)((fraction >> (4 * i)) & 0xF)];
            }
        }
        destination[pos++] = 'p';
        destination[pos++] = exponent < 0 ? '-' : '+';
        exponent = Math.Abs(exponent);
        if (exponent >= 1000)
        {
            destination[pos++] = (char)('0' + exponent / 1000);
        }
        if (exponent >= 100)
        {
            destination[pos++] = (char)('0' + exponent / 100 % 10);
        }
        if (exponent >= 10)
        {
            destination[pos++] = (char)('0' + exponent / 10 % 10);
        }
        destination[pos++] = (char)('0' + exponent % 10);
        written = pos;
        return true;
    }

    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        TryFormat(value, buffer, out var n);
        return new string(buffer[..n]);
    }
}
