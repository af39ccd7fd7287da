using System.Net;

namespace AstroBench.Server.Tests;

/// <summary>Issue 9 point 6: the effective cancel grace is the larger of the request's and the running experiment's.</summary>
public sealed class CancelGraceTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [Theory]
    [InlineData("frame_rotation_bpn", "cancelled by user; grace 5 s during frame_rotation_bpn")]
    [InlineData("gmst_era", "cancelled by user; grace 0.5 s during gmst_era")]
    public async Task Cancel_AppliesTheLargerOfRequestAndExperimentGrace(string experiment, string timeline)
    {
        var job = await _lab.Start(new { experiments = new[] { experiment }, libraries = new[] { "gate" }, n = 50, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitHeld(experiment);
        await _lab.WaitFor(id, j => j["current_experiment"]?.GetValue<string>() == experiment);

        var (cancel, body) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?grace=0.5", null);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", body!["status"]!.GetValue<string>());
        Assert.Equal("cancelled by user", body["reason"]!.GetValue<string>());
        var history = (await _lab.GetJson($"/api/benchmark/jobs/{id}/history")).AsArray();
        Assert.Equal(timeline, history.Single(h => h!["to"]!.GetValue<string>() == "cancelling")!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalog_ShowsEachExperimentsGrace()
    {
        var experiments = (await _lab.GetJson("/api/experiments")).AsArray();
        Assert.Equal(5, experiments.Single(e => e!["id"]!.GetValue<string>() == "frame_rotation_bpn")!["cancel_grace_s"]!.GetValue<double>());
        Assert.Null(experiments.Single(e => e!["id"]!.GetValue<string>() == "gmst_era")!["cancel_grace_s"]);
    }
}
