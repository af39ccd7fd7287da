using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AstroBench.Server.Jobs;
using AstroBench.Server.Scheduling;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench schedules list|add|remove</c> (docs/schedules.md): over HTTP with <c>--server</c>, or on the lab's
/// SQLite file with <c>--root</c> through the server's own store and validation.
/// </summary>
internal static class SchedulesCommand
{
    private static readonly Option<string?> Server = new("--server") { Description = "a running server (default http://127.0.0.1:8000)", Recursive = true };
    private static readonly Option<string?> Root = new("--root") { Description = "the lab root: open its schedule store directly", Recursive = true };
    private static readonly Argument<string> Id = new("id") { Description = "schedule id" };
    private static readonly Option<string> Name = new("--name") { Description = "schedule name", Required = true };
    private static readonly Option<string> Cron = new("--cron") { Description = "5-field cron expression in UTC", Required = true };
    private static readonly Option<string[]> Experiments = new("--experiments") { Description = "experiments (comma-separated or repeated; default all)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string[]> Libraries = new("--libraries") { Description = "libraries (comma-separated or repeated; default all)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int?> N = new("--n") { Description = "cases per experiment" };
    private static readonly Option<bool> NoPerf = new("--no-perf") { Description = "skip performance timing" };
    private static readonly Option<string?> Notes = new("--notes") { Description = "notes for the scheduled jobs" };
    private static readonly Option<int?> Priority = new("--priority") { Description = "queue priority -100..100" };
    private static readonly Option<string?> Key = new("--key") { Description = "concurrency key (default schedule:<id>)" };
    private static readonly Option<bool> Disabled = new("--disabled") { Description = "create it disabled" };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("schedules", "List, add and remove cron schedules") { Server, Root };
        var list = new Command("list", "List schedules with their next occurrence");
        list.SetAction((parse, ct) => ListAsync(console, Target(parse), ct));
        var add = new Command("add", "Add a schedule") { Name, Cron, Experiments, Libraries, N, NoPerf, Notes, Priority, Key, Disabled };
        add.SetAction((parse, ct) => AddAsync(console, Target(parse), Request(parse), ct));
        var remove = new Command("remove", "Remove a schedule") { Id };
        remove.SetAction((parse, ct) => RemoveAsync(console, Target(parse), parse.GetValue(Id)!, ct));
        command.Subcommands.Add(list);
        command.Subcommands.Add(add);
        command.Subcommands.Add(remove);
        return command;
    }

    private static ScheduleTarget Target(ParseResult parse)
    {
        var (server, root) = (parse.GetValue(Server), parse.GetValue(Root));
        if (server is not null && root is not null)
        {
            throw new CliException("give either --server or --root, not both");
        }
        return root is not null ? ScheduleTarget.Lab(root) : ScheduleTarget.Http(server ?? "http://127.0.0.1:8000");
    }

    private static ScheduleRequest Request(ParseResult parse)
    {
        static List<string>? Split(string[]? values) =>
            values is { Length: > 0 } v ? [.. v.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] : null;
        var job = new StartJobRequest(Split(parse.GetValue(Experiments)), Split(parse.GetValue(Libraries)), parse.GetValue(N), null, null,
            parse.GetValue(NoPerf), null, parse.GetValue(Notes));
        JsonElement? priority = parse.GetValue(Priority) is { } p ? JsonSerializer.SerializeToElement(p) : null;
        return new ScheduleRequest(parse.GetValue(Name), parse.GetValue(Cron), job, priority, parse.GetValue(Key), !parse.GetValue(Disabled));
    }

    private static async Task<int> ListAsync(IAnsiConsole console, ScheduleTarget target, CancellationToken ct)
    {
        using (target)
        {
            foreach (var s in await target.ListAsync(ct))
            {
                console.WriteLine(string.Join("  ", s.Id, s.Enabled ? "enabled " : "disabled", s.Cron, s.Name, "next " + Next(s)));
            }
            return ExitCodes.Ok;
        }
    }

    private static async Task<int> AddAsync(IAnsiConsole console, ScheduleTarget target, ScheduleRequest request, CancellationToken ct)
    {
        using (target)
        {
            var s = await target.AddAsync(request, ct);
            console.WriteLine($"added {s.Id} ({s.Name}), next {Next(s)}");
            return ExitCodes.Ok;
        }
    }

    private static async Task<int> RemoveAsync(IAnsiConsole console, ScheduleTarget target, string id, CancellationToken ct)
    {
        using (target)
        {
            await target.RemoveAsync(id, ct);
            console.WriteLine($"removed {id}");
            return ExitCodes.Ok;
        }
    }

    private static string Next(ScheduleDto s) =>
        s.NextOccurrences is [var first, ..] ? first.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";
}
