using System.Text.Json.Nodes;
using AstroBench.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Scheduling;

/// <summary>
/// The scheduler in a real server on a real lab root, its clock (only) fake: fires on time into the real queue,
/// and after a downtime spanning three occurrences catches up exactly once.
/// </summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Fires_on_time_and_catches_up_once_after_downtime()
    {
        var clock = new FakeTimeProvider(ScheduleLab.Start);
        var lab = ScheduleLab.Create(clock);
        string id;
        try
        {
            // Drained (persisted): the fired jobs stay queued, so the test sees them as the scheduler left them.
            Assert.True((await lab.PostJson("/api/admin/drain", null)).Response.IsSuccessStatusCode);
            var (created, body) = await lab.PostJson("/api/schedules", ScheduleLab.Body());
            Assert.Equal(201, (int)created.StatusCode);
            id = body!["id"]!.GetValue<string>();
            Assert.Equal(At(12, 5), body["next_occurrences"]![0]!.GetValue<DateTimeOffset>());
            Assert.Empty(await ScheduledJobs(lab, id));

            clock.SetUtcNow(At(12, 5));
            var schedule = await WaitSchedule(lab, id, s => s["last_job_id"] is not null);
            Assert.Equal(At(12, 5), schedule["last_fired_at"]!.GetValue<DateTimeOffset>());
            var job = await lab.GetJson($"/api/benchmark/jobs/{schedule["last_job_id"]}");
            Assert.Equal("queued", job["status"]!.GetValue<string>());
            Assert.Equal($"[schedule {id}] from a schedule", job["notes"]!.GetValue<string>());
            Assert.Equal($"schedule:{id}", job["concurrency_key"]!.GetValue<string>());
        }
        finally
        {
            lab.Dispose();
        }

        // Down across 12:10, 12:15 and 12:20.
        clock.SetUtcNow(At(12, 21));
        var restarted = ScheduleLab.Create(clock, lab.Root);
        try
        {
            var after = await WaitSchedule(restarted, id, s => s["last_fired_at"]!.GetValue<DateTimeOffset>() == At(12, 20));
            Assert.Equal(At(12, 25), after["next_occurrences"]![0]!.GetValue<DateTimeOffset>());
            Assert.Equal(2, (await ScheduledJobs(restarted, id)).Count);
        }
        finally
        {
            restarted.Dispose();
            restarted.DeleteRoot();
        }
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 12, 1, hour, minute, 0, TimeSpan.Zero);

    private static async Task<JsonNode> WaitSchedule(Lab lab, string id, Func<JsonNode, bool> condition)
    {
        JsonNode? s = null;
        await Eventually.True(async () => condition(s = await lab.GetJson($"/api/schedules/{id}")), $"schedule {id} reaches the condition");
        return s!;
    }

    private static async Task<List<JsonNode>> ScheduledJobs(Lab lab, string id) =>
        [.. (await lab.GetJson("/api/benchmark/jobs")).AsArray()
            .Where(j => j!["notes"]?.GetValue<string>().StartsWith($"[schedule {id}]", StringComparison.Ordinal) == true)
            .Select(j => j!)];
}
