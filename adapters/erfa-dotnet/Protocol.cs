using System.Globalization;
using System.Text;

namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>The adapter side of protocol v1 (docs/adapter-protocol.md): header lines, numeric rows, exact doubles.</summary>
internal static class Protocol
{
    /// <summary><c>WarmupAuto</c>: the request said <c>warmup auto</c> (protocol 3, steady-state warm-up). <c>Values</c>: its
    /// <c>values</c> count (protocol 4; null when absent, 0 when not a count). <c>Auto</c>: <c>ops auto</c> with its pilot
    /// and value targets in ns (protocol 5; null otherwise, 0 for a target that is not a count).</summary>
    public sealed record Request(string Experiment, string Mode, int Columns, int Cases, long Ops, long Warmup, TextReader Rows, bool WarmupAuto = false,
        int? Values = null, (long PilotNs, long ValueNs)? Auto = null);

    public static Request? ReadHeader(TextReader reader, string? firstLine, out string? error)
    {
        error = null;
        if (firstLine?.Trim() != "ABP 1")
        {
            error = "first line must be 'ABP 1'";
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            headers[key] = space < 0 ? "" : line[(space + 1)..];
            if (key == "cases")
            {
                break;
            }
        }
        if (!headers.TryGetValue("experiment", out var experiment) || !int.TryParse(headers.GetValueOrDefault("columns"), out var columns)
            || !int.TryParse(headers.GetValueOrDefault("cases"), out var cases))
        {
            error = "header needs experiment, columns and cases";
            return null;
        }
        _ = long.TryParse(headers.GetValueOrDefault("ops"), out var ops);
        _ = long.TryParse(headers.GetValueOrDefault("warmup"), out var warmup);
        int? values = headers.TryGetValue("values", out var v) ? (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0) : null;
        (long, long)? auto = headers.GetValueOrDefault("ops") == "auto" ? (Count(headers, "pilot_target_ns"), Count(headers, "value_target_ns")) : null;
        return new Request(experiment, headers.GetValueOrDefault("mode") ?? "accuracy", columns, cases, auto is null ? ops : 1, warmup, reader,
            headers.GetValueOrDefault("warmup") == "auto", values, auto);
    }

    private static long Count(Dictionary<string, string> headers, string key) =>
        long.TryParse(headers.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static bool TryParseRow(string line, Span<double> values)
    {
        var span = line.AsSpan();
        var c = 0;
        foreach (var range in span.Split(' '))
        {
            var token = span[range];
            if (token.IsEmpty)
            {
                continue;
            }
            if (c >= values.Length || !TryParse(token, out values[c]))
            {
                return false;
            }
            c++;
        }
        return c == values.Length;
    }

    internal static bool TryParse(ReadOnlySpan<char> token, out double value)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        var t = token.TrimStart('-');
        value = t.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN
            : t.Equals("inf", StringComparison.OrdinalIgnoreCase) ? (token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity)
            : 0;
        return !double.IsFinite(value);
    }

    public static void AppendNumber(StringBuilder sb, double v) =>
        sb.Append(double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("R", CultureInfo.InvariantCulture));

    public static void WriteStatus(TextWriter writer, string status, string reason)
    {
        writer.Write($"ABP 1\nstatus {status}\nreason {reason}\nend\n");
        writer.Flush();
    }
}
