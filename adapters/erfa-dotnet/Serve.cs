using System.Globalization;
using System.Text;
using AstroBench.Core.Protocol;

namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>
/// Protocol 2 (docs/adapter-protocol.md): framed accuracy requests served one after the other until the end
/// of stdin, numbers in the requested encoding. Perf stays protocol 1 (<see cref="Runner.Perf"/>, one process per call).
/// </summary>
internal static unsafe class Serve
{
    public static int Run(TextReader stdin, TextWriter stdout)
    {
        while (true)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            string? line;
            while ((line = stdin.ReadLine()) is not null)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var key = space < 0 ? line : line[..space];
                headers[key] = space < 0 ? "" : line[(space + 1)..];
                if (key == "cases")
                {
                    break;
                }
            }
            if (!int.TryParse(headers.GetValueOrDefault("cases"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases))
            {
                // Without a case count the stream cannot be followed: answer, then end the session.
                Status(stdout, "error", "request header without 'cases'");
                return 2;
            }
            var rows = new string[cases];
            for (var i = 0; i < cases; i++)
            {
                rows[i] = stdin.ReadLine() ?? "";
            }
            if (stdin.ReadLine()?.Trim() != "end")
            {
                Status(stdout, "error", "missing 'end' after the cases");
                return 2;
            }
            Answer(headers, rows, stdout);
            stdout.Flush();
            while ((line = stdin.ReadLine()) is not null && line.Trim().Length == 0)
            {
            }
            if (line is null)
            {
                return 0;
            }
            if (line.Trim() != "ABP 2")
            {
                Status(stdout, "error", "bad magic line, expected 'ABP 2'");
                return 2;
            }
        }
    }

    private static void Answer(Dictionary<string, string> headers, string[] rows, TextWriter stdout)
    {
        var e = Array.Find(Experiments.All, x => x.Name == headers.GetValueOrDefault("experiment"));
        var encoding = headers.GetValueOrDefault("encoding") ?? "decimal";
        if (e is null)
        {
            Status(stdout, "error", $"unknown experiment {headers.GetValueOrDefault("experiment")}");
            return;
        }
        if (headers.GetValueOrDefault("mode") is { } mode && mode != "accuracy")
        {
            Status(stdout, "error", "protocol 2 serves accuracy requests only (perf: one ABP 1 process per call)");
            return;
        }
        if (encoding is not ("hex" or "decimal"))
        {
            Status(stdout, "error", $"unknown encoding {encoding}");
            return;
        }
        if (headers.GetValueOrDefault("columns") != e.Inputs.ToString(CultureInfo.InvariantCulture))
        {
            Status(stdout, "error", $"{e.Name} takes {e.Inputs} input columns, got {headers.GetValueOrDefault("columns")}");
            return;
        }
        var hex = encoding == "hex";
        var input = new double[e.Inputs];
        var output = new double[e.Outputs];
        var text = new StringBuilder(rows.Length * e.Outputs * 24 + 128);
        text.Append(CultureInfo.InvariantCulture, $"ABP 2\nstatus ok\nencoding {encoding}\ncolumns {e.Outputs}\ncases {rows.Length}\n");
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < rows.Length; i++)
        {
            if (!TryParseRow(rows[i], input, hex))
            {
                Status(stdout, "error", $"bad input row {i + 1}");
                return;
            }
            fixed (double* pin = input, pout = output)
            {
                e.Compute(pin, pout);
            }
            for (var c = 0; c < output.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(' ');
                }
                if (hex)
                {
                    HexFloat.TryFormat(output[c], number, out var n);
                    text.Append(number[..n]);
                }
                else
                {
                    Protocol.AppendNumber(text, output[c]);
                }
            }
            text.Append('\n');
        }
        text.Append("end\n");
        stdout.Write(text);
    }

    private static bool TryParseRow(string line, Span<double> values, bool hex)
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
            if (c >= values.Length)
            {
                return false;
            }
            var ok = hex ? HexFloat.TryParse(token, out values[c]) || Protocol.TryParse(token, out values[c]) : Protocol.TryParse(token, out values[c]);
            if (!ok)
            {
                return false;
            }
            c++;
        }
        return c == values.Length;
    }

    private static void Status(TextWriter stdout, string status, string reason)
    {
        stdout.Write($"ABP 2\nstatus {status}\nreason {reason}\nend\n");
        stdout.Flush();
    }
}
