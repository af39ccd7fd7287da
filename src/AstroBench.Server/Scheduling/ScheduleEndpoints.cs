using System.Text.RegularExpressions;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Scheduling;

/// <summary>/api/schedules: create, list, get, enable, disable, delete (docs/schedules.md).</summary>
internal static partial class ScheduleEndpoints
{
    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schedules").WithTags("Schedules");
        group.MapPost("", Create).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/enable", Enable).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/{id}/disable", Disable).AddEndpointFilter(TokenGuard.Filter);
        group.MapDelete("/{id}", Delete).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Results<Created<ScheduleDto>, ProblemHttpResult> Create(ScheduleRequest? request, ScheduleStore store, Scheduler scheduler, ScheduleClock clock)
    {
        var (row, errors) = ScheduleValidator.Validate(request, clock.Now);
        if (row is null)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid schedule",
                Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
            });
        }
        store.Insert(row);
        scheduler.Wake();
        return TypedResults.Created($"/api/schedules/{row.Id}", ScheduleDto.From(row));
    }

    public static Ok<List<ScheduleDto>> List(ScheduleStore store) => TypedResults.Ok(store.List().Select(ScheduleDto.From).ToList());

    public static Results<Ok<ScheduleDto>, ProblemHttpResult> Get(string id, ScheduleStore store) =>
        !IdPattern().IsMatch(id) ? Ids.Invalid("schedule id", id)
        : store.Get(id) is { } s ? TypedResults.Ok(ScheduleDto.From(s))
        : Ids.NotFound($"No schedule {id}.");

    /// <summary>Enabling starts from now: occurrences missed while disabled are not caught up.</summary>
    public static Results<Ok<ScheduleDto>, ProblemHttpResult> Enable(string id, ScheduleStore store, Scheduler scheduler, ScheduleClock clock)
    {
        if (!IdPattern().IsMatch(id))
        {
            return Ids.Invalid("schedule id", id);
        }
        if (store.Get(id) is not { } s || ScheduleCron.Parse(s.Cron).Expression is not { } cron
            || !store.SetEnabled(id, true, ScheduleCron.Next(cron, clock.Now)))
        {
            return Ids.NotFound($"No schedule {id}.");
        }
        scheduler.Wake();
        return TypedResults.Ok(ScheduleDto.From(store.Get(id)!));
    }

    public static Results<Ok<ScheduleDto>, ProblemHttpResult> Disable(string id, ScheduleStore store) =>
        !IdPattern().IsMatch(id) ? Ids.Invalid("schedule id", id)
        : store.SetEnabled(id, false, null) && store.Get(id) is { } s ? TypedResults.Ok(ScheduleDto.From(s))
        : Ids.NotFound($"No schedule {id}.");

    public static Results<NoContent, ProblemHttpResult> Delete(string id, ScheduleStore store) =>
        !IdPattern().IsMatch(id) ? Ids.Invalid("schedule id", id)
        : store.Delete(id) ? TypedResults.NoContent()
        : Ids.NotFound($"No schedule {id}.");

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);
}
