using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>Number formatting and parsing on the wire: exact round-trip, invariant culture, C-style nan/inf.</summary>
public static class WireNumbers
{
    /// <summary>Shortest string that parses back to the same double ("R" semantics since .NET Core 3.0).</summary>
    public static bool TryFormat(double value, Span<char> destination, out int written)
    {
        if (double.IsNaN(value))
        {
            return Copy("nan", destination, out written);
        }
        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "inf" : "-inf", destination, out written);
        }
        return value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
    }

    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[32];
        TryFormat(value, buffer, out var n);
        return new string(buffer[..n]);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || TryParseNonFinite(text, out value);
    }

    /// <summary>C-style <c>nan</c>, <c>inf</c>, <c>infinity</c> in any case, with an optional sign.</summary>
    public static bool TryParseNonFinite(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var t = text.TrimStart('+');
        var negative = t.StartsWith("-");
        if (negative)
        {
            t = t[1..];
        }
        if (t.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        return false;
    }

    private static bool Copy(string s, Span<char> destination, out int written)
    {
        written = s.Length;
        return s.AsSpan().TryCopyTo(destination);
    }
}
