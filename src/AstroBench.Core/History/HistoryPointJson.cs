using System.Text;
using System.Text.Json;
using N = AstroBench.Core.History.HistoryJsonNames;

namespace AstroBench.Core.History;

/// <summary>
/// The <c>points</c> array of a history series: each point's fields in the documented order (docs/history.md), the
/// version change against the previous point of the written order and the id of the change detected at its run.
/// </summary>
internal static class HistoryPointJson
{
    public static void WriteAll(Utf8JsonWriter w, HistoryPointBuffer points, List<PointRow> rows, Dictionary<string, string> changeAt)
    {
        var byRun = changeAt.Count > 0 ? changeAt.GetAlternateLookup<ReadOnlySpan<char>>() : default;
        Span<char> runId = stackalloc char[128];
        w.WriteStartArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i];
            w.WriteStartObject();
            Text(w, N.RunId, points, p.RunId);
            Text(w, N.StartedAt, points, p.StartedAt);
            Text(w, N.GitSha, points, p.GitSha);
            Text(w, N.LibraryVersion, points, p.LibraryVersion);
            Text(w, N.AdapterVersion, points, p.AdapterVersion);
            Text(w, N.Fingerprint, points, p.Fingerprint);
            Number(w, N.Value, p.Performance ? p.V0 : p.V1);
            w.WriteBoolean(N.Judged, p.Judged);
            w.WriteBoolean(N.Smoke, p.Smoke);
            if (p.Performance)
            {
                w.WriteBoolean(N.Valid, p.Valid);
                Text(w, N.InvalidReason, points, p.InvalidReason);
                Number(w, N.CiLowNs, p.V1);
                Number(w, N.CiHighNs, p.V2);
                foreach (var name in (ReadOnlySpan<JsonEncodedText>)[N.P50, N.P99, N.Max, N.Mean, N.Rms])
                {
                    w.WriteNull(name);
                }
            }
            else
            {
                foreach (var name in (ReadOnlySpan<JsonEncodedText>)[N.Valid, N.InvalidReason, N.CiLowNs, N.CiHighNs])
                {
                    w.WriteNull(name);
                }
                Number(w, N.P50, p.V0);
                Number(w, N.P99, p.V1);
                Number(w, N.Max, p.V2);
                Number(w, N.Mean, p.V3);
                Number(w, N.Rms, p.V4);
            }
            if (i > 0 && !SameText(points, rows[i - 1].LibraryVersion, p.LibraryVersion))
            {
                w.WriteStartObject(N.VersionChange);
                Text(w, N.From, points, rows[i - 1].LibraryVersion);
                Text(w, N.To, points, p.LibraryVersion);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull(N.VersionChange);
            }
            var id = changeAt.Count > 0 && !p.RunId.IsNull && p.RunId.Length <= runId.Length
                && byRun.TryGetValue(runId[..Encoding.UTF8.GetChars(points.Bytes(p.RunId), runId)], out var found) ? found : null;
            w.WriteString(N.ChangeId, id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static bool SameText(HistoryPointBuffer points, TextRange a, TextRange b) =>
        a.IsNull ? b.IsNull : !b.IsNull && points.Bytes(a).SequenceEqual(points.Bytes(b));

    private static void Text(Utf8JsonWriter w, JsonEncodedText name, HistoryPointBuffer points, TextRange t)
    {
        if (t.IsNull)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, points.Bytes(t));
        }
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, double? v)
    {
        if (v is { } x)
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
