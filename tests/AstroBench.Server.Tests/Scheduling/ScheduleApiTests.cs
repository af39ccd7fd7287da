using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Scheduling;

/// <summary>/api/schedules over a real server and SQLite file: create, 422s, list, enable/disable, delete, the doc's shape.</summary>
public sealed partial class ScheduleApiTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(ScheduleLab.Start);
    private readonly Lab _lab;

    public ScheduleApiTests() => _lab = ScheduleLab.Create(_clock);

    [Fact]
    public async Task Create_list_disable_enable_delete()
    {
        var (created, body) = await _lab.PostJson("/api/schedules", ScheduleLab.Body("0 3 * * 1-5", priority: 5));
        Assert.Equal(201, (int)created.StatusCode);
        var id = body!["id"]!.GetValue<string>();
        Assert.Equal($"/api/schedules/{id}", created.Headers.Location!.ToString());
        Assert.Equal(5, body["priority"]!.GetValue<int>());
        Assert.Equal($"schedule:{id}", body["concurrency_key"]!.GetValue<string>());
        Assert.True(body["enabled"]!.GetValue<bool>());
        Assert.Null(body["last_fired_at"]);
        // 2026-12-01 is a Tuesday: the next five weekday 03:00 runs.
        string[] expected = ["2026-12-02T03:00:00Z", "2026-12-03T03:00:00Z", "2026-12-04T03:00:00Z", "2026-12-07T03:00:00Z", "2026-12-08T03:00:00Z"];
        Assert.Equal(expected, body["next_occurrences"]!.AsArray().Select(o => o!.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("from a schedule", body["job"]!["notes"]!.GetValue<string>());

        var list = (await _lab.GetJson("/api/schedules")).AsArray();
        Assert.Equal(id, Assert.Single(list)!["id"]!.GetValue<string>());

        var (disabled, off) = await _lab.PostJson($"/api/schedules/{id}/disable", null);
        Assert.Equal(200, (int)disabled.StatusCode);
        Assert.False(off!["enabled"]!.GetValue<bool>());
        Assert.Empty(off["next_occurrences"]!.AsArray());

        // Enabling starts from now (the clock has moved): nothing missed while disabled is caught up.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var (enabled, on) = await _lab.PostJson($"/api/schedules/{id}/enable", null);
        Assert.Equal(200, (int)enabled.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero), on!["next_occurrences"]![0]!.GetValue<DateTimeOffset>());

        Assert.Equal(204, (int)(await _lab.Client.DeleteAsync($"/api/schedules/{id}")).StatusCode);
        Assert.Equal(404, (int)(await _lab.Client.DeleteAsync($"/api/schedules/{id}")).StatusCode);
        Assert.Equal(404, (int)(await _lab.Client.GetAsync($"/api/schedules/{id}")).StatusCode);
        Assert.Equal(404, (int)(await _lab.PostJson($"/api/schedules/{id}/enable", null)).Response.StatusCode);
        Assert.Equal(400, (int)(await _lab.Client.GetAsync("/api/schedules/not-an-id")).StatusCode);
    }

    [Theory]
    [InlineData("not a cron", "cron")]
    [InlineData("0 0 * * * *", "cron")]
    [InlineData("61 * * * *", "cron")]
    [InlineData("", "cron")]
    public async Task Invalid_cron_is_a_422_with_a_readable_message(string cron, string field)
    {
        var (response, body) = await _lab.PostJson("/api/schedules", ScheduleLab.Body(cron));
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains("5-field", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["errors"]![field]);
    }

    [Fact]
    public async Task Invalid_job_priority_and_key_are_422s_by_the_queue_rules()
    {
        var (response, body) = await _lab.PostJson("/api/schedules",
            ScheduleLab.Body(job: new { experiments = new[] { "no_such_experiment" }, n = 0 }, priority: 1000, key: "bad key!"));
        Assert.Equal(422, (int)response.StatusCode);
        var errors = body!["errors"]!.AsObject();
        Assert.Contains("job.experiments", errors.Select(e => e.Key));
        Assert.Contains("job.n", errors.Select(e => e.Key));
        Assert.Contains("priority", errors.Select(e => e.Key));
        Assert.Contains("concurrency_key", errors.Select(e => e.Key));
        var (missing, noJob) = await _lab.PostJson("/api/schedules", new { name = "x", cron = "* * * * *" });
        Assert.Equal(422, (int)missing.StatusCode);
        Assert.Contains("job is required", noJob!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _lab.GetJson("/api/schedules")).AsArray());
    }

    [Fact]
    public async Task Response_has_the_documented_shape()
    {
        var doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "schedules.md"));
        var example = JsonNode.Parse(ExampleBlock().Match(doc).Groups[1].Value)!.AsObject();
        var (_, body) = await _lab.PostJson("/api/schedules", ScheduleLab.Body());
        Assert.Equal(example.Select(p => p.Key).Order(), body!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(example["job"]!.AsObject().Select(p => p.Key).Order(), body["job"]!.AsObject().Select(p => p.Key).Order());
    }

    [GeneratedRegex("<!-- example: schedule -->\\s*```json\\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }
}
