using System.Text.Json;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Tests;

/// <summary>The original lab's logs/jobs/&lt;job_id&gt;.json (its BenchmarkStatus model: job_id, status, started_at, finished_at, run_id, config).</summary>
public sealed class LegacyJobImporterTests
{
    private static JobRow Convert(string json) =>
        LegacyJobImporter.Convert(JsonDocument.Parse(json).RootElement, "file")!.Value.Row;

    [Fact]
    public void CompletedJob_KeepsItsIdConfigRunAndNotes()
    {
        var row = Convert("""
            { "job_id": "0123456789ab", "status": "completed", "started_at": "2026-02-12T10:00:00+00:00",
              "finished_at": "2026-02-12T10:07:50+00:00", "run_id": "2026-02-12",
              "config": { "experiments": ["gmst_era", "equ_ecl"], "n": 100000, "seed": 7, "no_perf": true,
                          "perf_rounds": 10, "ci_mode": false, "notes": "nightly" },
              "current_experiment": null, "current_step": null, "progress_pct": 100.0 }
            """);

        Assert.Equal("0123456789ab", row.Id);
        Assert.Equal(JobStatus.Completed, row.Status);
        Assert.Equal(["gmst_era", "equ_ecl"], row.Config.Experiments);
        Assert.Equal(100000, row.Config.N);
        Assert.True(row.Config.NoPerf);
        Assert.Equal("2026-02-12", row.RunId);
        Assert.Equal("nightly", row.Notes);
        Assert.Equal(TimeSpan.FromSeconds(470), row.FinishedAt - row.StartedAt);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("pending")]
    public void JobThatWasActiveWhenTheOldLabStopped_IsFailedLost(string status)
    {
        var row = Convert($$"""{ "job_id": "aaaaaaaaaaaa", "status": "{{status}}", "started_at": "2026-02-12T10:00:00+00:00" }""");

        Assert.Equal(JobStatus.Failed, row.Status);
        Assert.Equal("lost", row.Reason);
    }
}
