using System.Buffers;
using System.Text.Json;
using AstroBench.Core.History;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.History;

/// <summary>
/// <c>GET /api/history</c> answers kept by query while the index version stands (<see cref="IndexVersion"/>: every run
/// write, rebuild and sync moves it, and triggers on <c>regressions</c> move it for a detected or re-stated change), like
/// the queue listing's reads. The version is read before the rows, so a write racing a computation leaves an older
/// version beside newer rows and the next call recomputes; a changed version drops every answer. At most
/// <see cref="BudgetBytes"/> are held, the least recently used answer dropped first.
/// </summary>
internal sealed class HistoryAnswerCache(ResultsIndex index, IOptions<JsonOptions> json)
{
    /// <summary>Bytes of answers held at most (answers of a megabyte: the pages a lab's users look at).</summary>
    public long BudgetBytes { get; init; } = 64L << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly Lock _lock = new();
    private readonly Dictionary<HistoryQuery, HistoryAnswer> _answers = [];
    private IndexVersion _version;
    private long _clock;

    public HistoryAnswer Get(HistoryQuery q)
    {
        var version = index.Version();
        lock (_lock)
        {
            if (version != _version)
            {
                _answers.Clear();
                _version = version;
            }
            if (_answers.TryGetValue(q, out var hit))
            {
                hit.LastUsed = ++_clock;
                return hit;
            }
        }
        var answer = new HistoryAnswer(version, Compute(q));
        lock (_lock)
        {
            if (version == _version)
            {
                _answers[q] = answer;
                answer.LastUsed = ++_clock;
                Trim();
            }
        }
        return answer;
    }

    private byte[] Compute(HistoryQuery q)
    {
        // One growing buffer per thread: an answer of a megabyte is written without a copy per doubling.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 20);
        buffer.ResetWrittenCount();
        var options = json.Value.SerializerOptions;
        // The serializer's escaping (ASP.NET's relaxed encoder), so the bytes are those a serialized record would give.
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            HistoryJson.Write(index, w, q.Experiment, q.Library, q.Testbed, q.Metric, q.Limit, q.Order,
                (writer, changes) => JsonSerializer.Serialize(writer, changes.Select(RegressionDto.From).ToList(), options));
        }
        var body = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 16 << 20)
        {
            t_buffer = null;
        }
        return body;
    }

    private void Trim()
    {
        var total = _answers.Values.Sum(a => a.Size);
        while (total > BudgetBytes && _answers.Count > 1)
        {
            var oldest = _answers.MinBy(p => p.Value.LastUsed);
            _answers.Remove(oldest.Key);
            total -= oldest.Value.Size;
        }
    }
}
