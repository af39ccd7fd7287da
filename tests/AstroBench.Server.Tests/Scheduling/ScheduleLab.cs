using AstroBench.Server.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Scheduling;

/// <summary>A test server whose schedules (only) run on a fake clock; the rest of the server keeps the real one.</summary>
internal static class ScheduleLab
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 30, TimeSpan.Zero);

    public static Lab Create(FakeTimeProvider clock, string? root = null) =>
        new(root, services: s => s.AddSingleton(new ScheduleClock(clock)));

    public static object Body(string cron = "*/5 * * * *", object? job = null, object? priority = null, string? key = null) => new
    {
        name = "nightly accuracy",
        cron,
        job = job ?? new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 1000, no_perf = true, notes = "from a schedule" },
        priority,
        concurrency_key = key,
    };
}
