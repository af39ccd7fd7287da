using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>Parses a v1 response. Any deviation from the format raises <see cref="ProtocolException"/>.</summary>
public static class ResponseReader
{
    public sealed record Response(string Status, string? Reason, double[]? Outputs, int Columns, PerfMeasurement? Perf);

    public static Task<Response> ReadAsync(TextReader reader, AdapterMode mode, int expectedRows, int expectedColumns, CancellationToken ct) =>
        ReadAsync(reader, mode, expectedRows, expectedColumns, WireFormat.V1, ct);

    /// <summary>Reads one response; in v2 it stops right after its <c>end</c> line, so the next response can follow on the same stream.</summary>
    public static Task<Response> ReadAsync(TextReader reader, AdapterMode mode, int expectedRows, int expectedColumns, WireFormat format, CancellationToken ct) =>
        ReadAsync(reader, mode, expectedRows, expectedColumns, format, default, ct);

    /// <summary>The same, with an accuracy response's rows parsed into <paramref name="into"/> (see <c>RowReader</c>).</summary>
    public static async Task<Response> ReadAsync(TextReader reader, AdapterMode mode, int expectedRows, int expectedColumns, WireFormat format,
        ArraySegment<double> into, CancellationToken ct)
    {
        var lineNo = 0;
        async Task<string> Next()
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"output ended after {lineNo} lines (no 'end')"));
            lineNo++;
            return line;
        }

        var first = await Next();
        if (first.Trim() != format.HeaderLine)
        {
            throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"first line is '{Clip(first)}', expected '{format.HeaderLine}'"));
        }
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var line = await Next();
            if (line == ProtocolConstants.End)
            {
                break;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? "" : line[(space + 1)..];
            headers[key] = value;
            if (key == "cases" && mode == AdapterMode.Accuracy && headers.GetValueOrDefault("status") == "ok")
            {
                var rows = ParseCount(headers, "cases");
                var columns = ParseCount(headers, "columns");
                if (rows != expectedRows || columns != expectedColumns)
                {
                    throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"adapter announced {rows}×{columns} outputs, expected {expectedRows}×{expectedColumns}"));
                }
                if (headers.TryGetValue("encoding", out var encoding) && encoding != format.Encoding.ToWire())
                {
                    throw new ProtocolException($"adapter answered in encoding '{Clip(encoding)}', the request asked for '{format.Encoding.ToWire()}'");
                }
                // The rows and their end line, parsed in place (no string per row).
                var outputs = await RowReader.ReadAsync(reader, rows, columns, lineNo, format, into, ct);
                return new Response("ok", null, outputs, columns, null);
            }
        }
        var status = headers.GetValueOrDefault("status") ?? throw new ProtocolException("no 'status' header");
        var reason = headers.GetValueOrDefault("reason");
        switch (status)
        {
            case "skipped":
            case "error":
                return new Response(status, reason ?? "(no reason given)", null, 0, null);
            case "ok" when mode == AdapterMode.Perf:
                var perf = new PerfMeasurement(ParseLong(headers, "total_ns"), ParseLong(headers, "ops"),
                    ParseDouble(headers, "sink"), headers.ContainsKey("clock_res_ns") ? ParseDouble(headers, "clock_res_ns") : 1.0,
                    OptionalEmptyLoop(headers), OptionalCount(headers, ProtocolConstants.WarmupOpsField), OptionalFlag(headers, ProtocolConstants.WarmupSteadyField),
                    OptionalValues(headers, ProtocolConstants.ValuesNsField), OptionalCount(headers, ProtocolConstants.PilotOpsField), OptionalCount(headers, ProtocolConstants.PilotNsField),
                    OptionalValues(headers, ProtocolConstants.ProbeNsField));
                if (perf.Ops <= 0 || perf.TotalNs <= 0)
                {
                    throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"perf response with ops={perf.Ops} total_ns={perf.TotalNs}"));
                }
                return new Response("ok", null, null, 0, perf);
            case "ok":
                throw new ProtocolException("accuracy response without 'cases' rows");
            default:
                throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"unknown status '{Clip(status)}'"));
        }
    }

    private static int ParseCount(Dictionary<string, string> headers, string key) =>
        int.TryParse(headers.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"header '{key}' missing or not a count"));

    private static long ParseLong(Dictionary<string, string> headers, string key) =>
        long.TryParse(headers.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"header '{key}' missing or not an integer"));

    private static double ParseDouble(Dictionary<string, string> headers, string key) =>
        WireNumbers.TryParse(headers.GetValueOrDefault(key), out var v)
            ? v : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"header '{key}' missing or not a number"));

    // Protocol 3 fields: absent is null (a v1 answer); present but malformed is a protocol error.
    private static double? OptionalEmptyLoop(Dictionary<string, string> headers)
    {
        if (!headers.ContainsKey(ProtocolConstants.EmptyLoopField))
        {
            return null;
        }
        var v = ParseDouble(headers, ProtocolConstants.EmptyLoopField);
        return double.IsFinite(v) && v >= 0
            ? v : throw new ProtocolException(string.Create(CultureInfo.InvariantCulture, $"{ProtocolConstants.EmptyLoopField} {v} is not a finite cost >= 0"));
    }

    // Protocol 4: "values_ns t1 t2 …", protocol 7: "probe_ns p0 p1 …", each a positive integer.
    private static long[]? OptionalValues(Dictionary<string, string> headers, string field)
    {
        if (!headers.TryGetValue(field, out var text))
        {
            return null;
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1)
            {
                throw new ProtocolException($"header '{field}': '{Clip(parts[i])}' is not a positive count of ns");
            }
        }
        return values.Length > 0 ? values : throw new ProtocolException($"header '{field}' lists no value");
    }

    private static long? OptionalCount(Dictionary<string, string> headers, string key) =>
        !headers.ContainsKey(key) ? null
        : long.TryParse(headers[key], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
        : throw new ProtocolException($"header '{key}' is not a count");

    private static bool? OptionalFlag(Dictionary<string, string> headers, string key) =>
        headers.GetValueOrDefault(key) switch
        {
            null => null,
            "1" => true,
            "0" => false,
            _ => throw new ProtocolException($"header '{key}' must be 0 or 1"),
        };

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
