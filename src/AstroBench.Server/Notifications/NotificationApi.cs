using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Core.Results;
using AstroBench.Server.Events;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Notifications;

/// <summary>/api/notifications: endpoints (webhook or email subscriptions), send test, delivery log (docs/notifications.md).</summary>
internal static partial class NotificationApi
{
    public const int MaxDeliveryPage = 200;

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications");
        group.MapGet("/event-types", () => TypedResults.Ok(LabEventTypes.All));
        group.MapGet("/endpoints", List);
        group.MapPost("/endpoints", Create).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("/endpoints/{id}", Get);
        group.MapPatch("/endpoints/{id}", Update).AddEndpointFilter(TokenGuard.Filter);
        group.MapDelete("/endpoints/{id}", Delete).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/endpoints/{id}/test", SendTest).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("/endpoints/{id}/deliveries", Deliveries);
        return app;
    }

    public static Ok<List<EndpointDto>> List(EndpointStore store) => TypedResults.Ok(store.List().Select(EndpointDto.From).ToList());

    public static Results<Created<EndpointDto>, ProblemHttpResult> Create(EndpointRequest? request, EndpointStore store, TimeProvider time)
    {
        if (request is null)
        {
            return Invalid(new() { ["body"] = ["A JSON body is required."] });
        }
        var endpoint = EndpointMerge.Create(request, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12], time.GetUtcNow());
        if (EndpointValidator.Validate(endpoint) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }
        store.Insert(endpoint);
        return TypedResults.Created($"/api/notifications/endpoints/{endpoint.Id}", EndpointDto.From(endpoint));
    }

    public static Results<Ok<EndpointDto>, ProblemHttpResult> Get(string id, EndpointStore store) =>
        Find(id, store, out var endpoint) is { } problem ? problem : TypedResults.Ok(EndpointDto.From(endpoint!));

    public static Results<Ok<EndpointDto>, ProblemHttpResult> Update(string id, EndpointRequest? request, EndpointStore store, TimeProvider time)
    {
        if (Find(id, store, out var endpoint) is { } problem)
        {
            return problem;
        }
        if (request is null)
        {
            return Invalid(new() { ["body"] = ["A JSON body is required."] });
        }
        var changed = EndpointMerge.Apply(endpoint!, request, time.GetUtcNow());
        if (EndpointValidator.Validate(changed) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }
        return store.Update(changed) ? TypedResults.Ok(EndpointDto.From(changed)) : Ids.NotFound($"No notification endpoint {id}.");
    }

    public static Results<NoContent, ProblemHttpResult> Delete(string id, EndpointStore store)
    {
        if (!IdPattern().IsMatch(id))
        {
            return Ids.Invalid("notification endpoint id", id);
        }
        return store.Delete(id) ? TypedResults.NoContent() : Ids.NotFound($"No notification endpoint {id}.");
    }

    /// <summary>Enqueues a <c>test</c> event for this endpoint; it goes through the same outbox, retries and log as any event.</summary>
    public static Results<Accepted<DeliveryDto>, ProblemHttpResult> SendTest(string id, EndpointStore store, DeliveryStore deliveries,
        DeliverySignal signal, TimeProvider time)
    {
        if (Find(id, store, out var endpoint) is { } problem)
        {
            return problem;
        }
        var now = time.GetUtcNow();
        var eventId = Guid.CreateVersion7().ToString("N");
        var payload = new JsonObject
        {
            ["event_id"] = eventId,
            ["type"] = LabEventTypes.Test,
            ["occurred_at"] = UtcTimestamp.Format(now),
            ["endpoint"] = new JsonObject { ["id"] = endpoint!.Id, ["name"] = endpoint.Name },
            ["message"] = "A test notification from AstroBench.",
        };
        var delivery = deliveries.EnqueueOne(eventId, endpoint.Id, LabEventTypes.Test, payload.ToJsonString(), now);
        signal.Set();
        return TypedResults.Accepted($"/api/notifications/endpoints/{id}/deliveries", DeliveryDto.From(delivery, []));
    }

    /// <summary>The delivery log, newest first, as a plain array paged by <c>limit</c>/<c>offset</c> with <c>X-Total-Count</c>.</summary>
    public static Results<Ok<List<DeliveryDto>>, ProblemHttpResult> Deliveries(string id, int? limit, int? offset, EndpointStore store,
        DeliveryStore deliveries, HttpResponse response)
    {
        if (Find(id, store, out _) is { } problem)
        {
            return problem;
        }
        if (limit is < 1 or > MaxDeliveryPage || offset is < 0)
        {
            return Ids.BadRequest($"limit must be 1..{MaxDeliveryPage} and offset ≥ 0.");
        }
        var (items, total) = deliveries.ForEndpoint(id, limit ?? 50, offset ?? 0);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(items.Select(d => DeliveryDto.From(d, deliveries.Attempts(d.Id))).ToList());
    }

    private static ProblemHttpResult? Find(string id, EndpointStore store, out NotificationEndpoint? endpoint)
    {
        endpoint = null;
        if (!IdPattern().IsMatch(id))
        {
            return Ids.Invalid("notification endpoint id", id);
        }
        endpoint = store.Get(id);
        return endpoint is null ? Ids.NotFound($"No notification endpoint {id}.") : null;
    }

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) => TypedResults.Problem(new HttpValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Invalid notification endpoint",
        Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
    });
}
