namespace AstroBench.Core.Protocol;

/// <summary>The parser half of <see cref="HexFloat"/>: any digit count, round to nearest, ties to even.</summary>
public static partial class HexFloat
{
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
