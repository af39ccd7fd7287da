namespace AstroBench.Core.Protocol;

/// <summary>
/// Hexadecimal floating-point text (C's <c>%a</c>, Python's <c>float.hex</c>): exact by construction, and far
/// cheaper to write and read than the shortest round-trip decimal, which needs big-number arithmetic. .NET has
/// no hex-float parser, hence this one. Finite values are written as <c>[-]0x1.&lt;hex&gt;p±e</c> (normal),
/// <c>[-]0x0.&lt;hex&gt;p-1022</c> (subnormal) or <c>[-]0x0p+0</c> (zero, sign kept); non-finite values as
/// <c>nan</c>, <c>inf</c>, <c>-inf</c>, like the decimal form. The parser reads any number of hex digits and
/// rounds to nearest, ties to even, as strtod does.
/// </summary>
public static class HexFloat
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

    /// <summary>Parses <c>[+-]0x&lt;hex&gt;[.&lt;hex&gt;][p[+-]&lt;dec&gt;]</c>; false for anything else (decimal included).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var pos = 0;
        var negative = false;
        if (pos < text.Length && text[pos] is '+' or '-')
        {
            negative = text[pos] == '-';
            pos++;
        }
        if (pos + 2 > text.Length || text[pos] != '0' || (text[pos + 1] | 0x20) != 'x')
        {
            return false;
        }
        pos += 2;
        ulong mantissa = 0;
        var binaryExponent = 0L;
        var sticky = false;
        var digits = 0;
        var fractional = false;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (c == '.' && !fractional)
            {
                fractional = true;
                continue;
            }
            var d = HexValue(c);
            if (d < 0)
            {
                break;
            }
            digits++;
            if (mantissa >> 56 == 0)
            {
                // Room for four more bits: keep the digit exactly.
                mantissa = (mantissa << 4) | (uint)d;
                if (fractional)
                {
                    binaryExponent -= 4;
                }
            }
            else
            {
                // Beyond 60 significant bits a digit only matters as "something below the rounding point".
                sticky |= d != 0;
                if (!fractional)
                {
                    binaryExponent += 4;
                }
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (pos < text.Length && (text[pos] | 0x20) == 'p')
        {
            pos++;
            var expNegative = false;
            if (pos < text.Length && text[pos] is '+' or '-')
            {
                expNegative = text[pos] == '-';
                pos++;
            }
            var start = pos;
            var exp = 0L;
            for (; pos < text.Length && text[pos] is >= '0' and <= '9'; pos++)
            {
                // Clamped: any exponent beyond this over- or underflows anyway.
                exp = Math.Min(exp * 10 + (text[pos] - '0'), 100_000);
            }
            if (pos == start)
            {
                return false;
            }
            binaryExponent += expNegative ? -exp : exp;
        }
        if (pos != text.Length)
        {
            return false;
        }
        value = Compose(mantissa, binaryExponent, sticky);
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    /// <summary>mantissa × 2^exponent (plus a sticky remainder below it), rounded to the nearest double, ties to even.</summary>
    private static double Compose(ulong mantissa, long exponent, bool sticky)
    {
        if (mantissa == 0)
        {
            return 0.0;
        }
        var bitLength = 64 - System.Numerics.BitOperations.LeadingZeroCount(mantissa);
        var top = exponent + bitLength - 1;
        if (top > 1023)
        {
            return double.PositiveInfinity;
        }
        // The exponent of the result's last bit: 52 below the top bit, but never below the smallest subnormal's.
        var lastBit = Math.Max(top - 52, -1074);
        var shift = lastBit - exponent;
        ulong q;
        if (shift <= 0)
        {
            q = mantissa << (int)-shift;
        }
        else if (shift > 64)
        {
            // Less than half of the smallest subnormal.
            return 0.0;
        }
        else
        {
            var wide = (UInt128)mantissa;
            q = (ulong)(wide >> (int)shift);
            var remainder = wide & ((UInt128.One << (int)shift) - 1);
            var half = UInt128.One << (int)(shift - 1);
            if (remainder > half || (remainder == half && (sticky || (q & 1) == 1)))
            {
                q++;
            }
        }
        if (q == 1UL << 53)
        {
            q >>= 1;
            lastBit++;
        }
        if (q < 1UL << 52)
        {
            // Subnormal (lastBit is -1074): the fraction field is q itself.
            return BitConverter.Int64BitsToDouble((long)q);
        }
        var biased = lastBit + 1075;
        if (biased >= 0x7FF)
        {
            return double.PositiveInfinity;
        }
        return BitConverter.Int64BitsToDouble((biased << 52) | (long)(q & 0xF_FFFF_FFFF_FFFFUL));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
