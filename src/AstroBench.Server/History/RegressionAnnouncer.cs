using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Core.History;
using AstroBench.Core.Results;
using AstroBench.Server.Events;

namespace AstroBench.Server.History;

/// <summary>
/// Writes one <c>regression.detected</c> lab event per stored regression not yet announced, then marks it announced
/// (at least once: a crash between the two repeats the event, never loses it). Payload: <c>regression</c> (the
/// change as the API shows it), <c>run_id</c> and a one-line <c>message</c> (docs/history.md).
/// </summary>
internal static class RegressionAnnouncer
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public static int Announce(RegressionStore store, LabEventLog events)
    {
        var pending = store.Unannounced();
        var announced = 0;
        foreach (var r in pending)
        {
            // The event is for regressions; an improvement is stored and shown, never announced.
            if (r.Change.Direction != DetectedChange.Regression)
            {
                store.MarkAnnounced(r.Id);
                continue;
            }
            var payload = new JsonObject
            {
                ["regression"] = JsonSerializer.SerializeToNode(RegressionDto.From(r), Json),
                ["run_id"] = r.Change.RunId,
                ["message"] = Message(r),
            };
            events.Append(LabEventTypes.RegressionDetected, null, r.Change.RunId, payload);
            store.MarkAnnounced(r.Id);
            announced++;
        }
        return announced;
    }

    public static string Message(RegressionRecord r)
    {
        var c = r.Change;
        var pct = c.ChangePct is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({p:+0.0;-0.0} %)") : "";
        return $"{c.Kind} {c.Direction} of {c.Key.Library} in {c.Key.Experiment} ({c.Key.Metric}{pct}) at run {c.RunId} on testbed {c.Key.Testbed}";
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.Converters.Add(new UtcTimestampJsonConverter());
        return options;
    }
}
