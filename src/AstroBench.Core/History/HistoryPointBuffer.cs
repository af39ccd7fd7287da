using System.Buffers;
using System.Text;

namespace AstroBench.Core.History;

/// <summary>
/// The points of a history request as read from the points statement: fixed-size rows whose texts are ranges of one
/// pooled UTF-8 arena, so 2,000 points cost no string and no object each (the JSON writer copies the bytes out).
/// Rows are kept per series in the statement's order and sorted by run id only when that order is not already it.
/// </summary>
internal sealed class HistoryPointBuffer : IDisposable
{
    // Column ordinals of SeriesPointSql.Points.
    private const int RunId = 5, StartedAt = 6, GitSha = 7, LibraryVersion = 8, AdapterVersion = 9, Fingerprint = 10, Outcome = 11, CiMode = 12;
    private const int P50 = 14, MedianNs = 22, CiLowNs = 23, CiHighNs = 24, PerfValid = 27, InvalidReason = 28;

    private static ReadOnlySpan<byte> Completed => "completed"u8;

    private static ReadOnlySpan<byte> TooFewRounds => "too_few_rounds"u8;

    private byte[] _arena = ArrayPool<byte>.Shared.Rent(1 << 18);
    private int _used;

    /// <summary>The rows of each series, by the statement's series number.</summary>
    public Dictionary<long, List<PointRow>> Series { get; } = [];

    /// <summary>The (testbed, metric) of each series number.</summary>
    public Dictionary<(string Testbed, string Metric), long> Numbers { get; } = [];

    public ReadOnlySpan<byte> Bytes(TextRange t) => _arena.AsSpan(t.Start, t.Length);

    public void ReadAll(RawStatement s)
    {
        while (s.Step())
        {
            var sn = s.Int64(0);
            if (!Series.TryGetValue(sn, out var rows))
            {
                Series[sn] = rows = new List<PointRow>(1024);
                Numbers[(Encoding.UTF8.GetString(s.Utf8(1)), Encoding.UTF8.GetString(s.Utf8(4)))] = sn;
            }
            rows.Add(Read(s));
        }
        foreach (var rows in Series.Values)
        {
            SortByRun(rows);
        }
    }

    private PointRow Read(RawStatement s)
    {
        var smoke = s.Int64(CiMode) == 1;
        var performance = !s.IsNull(MedianNs);
        var row = new PointRow
        {
            RunId = Copy(s, RunId), StartedAt = Copy(s, StartedAt), GitSha = Copy(s, GitSha), LibraryVersion = Copy(s, LibraryVersion),
            AdapterVersion = Copy(s, AdapterVersion), Fingerprint = Copy(s, Fingerprint), Smoke = smoke, Performance = performance,
        };
        if (performance)
        {
            row.Valid = !s.IsNull(PerfValid) && s.Int64(PerfValid) == 1;
            row.InvalidReason = Copy(s, InvalidReason);
            row.Judged = !smoke && row.Valid && (row.InvalidReason.IsNull || !Bytes(row.InvalidReason).StartsWith(TooFewRounds));
            (row.V0, row.V1, row.V2) = (s.Double(MedianNs), s.Double(CiLowNs), s.Double(CiHighNs));
        }
        else
        {
            row.InvalidReason = TextRange.Null;
            row.Judged = !smoke && !s.IsNull(Outcome) && s.Utf8(Outcome).SequenceEqual(Completed);
            (row.V0, row.V1, row.V2, row.V3, row.V4) = (s.Double(P50), s.Double(P50 + 1), s.Double(P50 + 2), s.Double(P50 + 3), s.Double(P50 + 4));
        }
        return row;
    }

    private TextRange Copy(RawStatement s, int column)
    {
        if (s.IsNull(column))
        {
            return TextRange.Null;
        }
        var text = s.Utf8(column);
        if (_used + text.Length > _arena.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_arena.Length * 2, _used + text.Length));
            _arena.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_arena);
            _arena = bigger;
        }
        text.CopyTo(_arena.AsSpan(_used));
        var range = new TextRange(_used, text.Length);
        _used += text.Length;
        return range;
    }

    private void SortByRun(List<PointRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (Bytes(rows[i - 1].RunId).SequenceCompareTo(Bytes(rows[i].RunId)) > 0)
            {
                // Run ids are unique within a series, so an unstable sort is exact.
                rows.Sort((a, b) => Bytes(a.RunId).SequenceCompareTo(Bytes(b.RunId)));
                return;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_arena);
        _arena = [];
    }
}
