using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AstroBench.Core.Retention;
using AstroBench.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Storage;

/// <summary>Issue 10 point 3 over HTTP: rules, preview = sweep, pins, delete, bad input.</summary>
public sealed class RetentionApiTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Lab _lab;

    public RetentionApiTests()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        Ids = RetentionRuns.AddDaily(Path.Combine(root, "results"), 10);
        _lab = new Lab(root, new() { ["AstroBench:Retention:KeepLast"] = "50" }, s => s.AddSingleton<TimeProvider>(_time));
    }

    private List<string> Ids { get; }

    private Task StartupSweepDone() =>
        Eventually.True(() => _lab.Factory.Services.GetRequiredService<RetentionSweeper>().Sweeps >= 1, "the start-up sweep ran");

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private async Task<HttpResponseMessage> Put(object body) =>
        await _lab.Client.PutAsync("/api/retention", JsonContent.Create(body, options: Lab.Json));

    private async Task<List<string>> Listed() =>
        (await _lab.GetJson("/api/runs")).AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Get_ShowsTheAppsettingsRules_ThenTheSavedOnes()
    {
        var before = await _lab.GetJson("/api/retention");
        Assert.Equal("settings", before["source"]!.GetValue<string>());
        Assert.Equal(50, before["rules"]!["keep_last"]!.GetValue<int>());

        var put = await Put(new { keep_last = 5, max_age_days = 20.5, archive = false });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await _lab.GetJson("/api/retention");
        Assert.Equal("saved", after["source"]!.GetValue<string>());
        Assert.Equal(5, after["rules"]!["keep_last"]!.GetValue<int>());
        Assert.Equal(20.5, after["rules"]!["max_age_days"]!.GetValue<double>());
        Assert.Null(after["rules"]!["max_total_mb"]);
        Assert.Equal(HttpStatusCode.OK, (await _lab.Client.DeleteAsync("/api/retention")).StatusCode);
        Assert.Equal("settings", (await _lab.GetJson("/api/retention"))["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"keep_last":0}""", "keep_last")]
    [InlineData("""{"keep_last":-1}""", "keep_last")]
    [InlineData("""{"max_age_days":"NaN"}""", "max_age_days")]
    [InlineData("""{"max_total_mb":1e300}""", "max_total_mb")]
    [InlineData("""{"max_total_mb":99999999999999}""", "max_total_mb")]
    [InlineData("""{"keep_last":3,"colour":"red"}""", "colour")]
    [InlineData("""{"archive":true,"archive_dir":"results/old"}""", "archive_dir")]
    public async Task Put_InvalidRules_Is422WithAMessageForTheField(string body, string field)
    {
        var response = await _lab.Client.PutAsync("/api/retention", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        Assert.Contains(field, problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("settings", (await _lab.GetJson("/api/retention"))["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_NotJson_Is400()
    {
        var response = await _lab.Client.PutAsync("/api/retention", new StringContent("{keep_last:", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Preview_EqualsWhatTheSweepRemoves_PinnedRunsKept()
    {
        await StartupSweepDone();
        Assert.Equal(HttpStatusCode.OK, (await _lab.Client.PostAsync($"/api/runs/{Ids[0]}/pin", null)).StatusCode);
        await Put(new { keep_last = 6, max_age_days = 25 });

        var preview = await _lab.GetJson("/api/retention/preview");
        var (_, sweep) = await _lab.PostJson("/api/retention/sweep", null);

        var planned = preview["runs"]!.AsArray().Select(r => r!["run_id"]!.GetValue<string>()).ToList();
        Assert.Equal(Ids.Skip(1).Take(5), planned);
        Assert.All(preview["runs"]!.AsArray(), r => Assert.Equal(2000 + 2, r!["bytes"]!.GetValue<long>()));
        Assert.Equal(["keep_last", "keep_last", "keep_last", "max_age_days", "max_age_days"],
            preview["runs"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
        Assert.Equal(5 * 2002, preview["bytes_freed"]!.GetValue<long>());
        Assert.Equal(5, preview["runs_kept"]!.GetValue<int>());
        Assert.Equal(planned, sweep!["runs"]!.AsArray().Where(r => r!["outcome"]!.GetValue<string>() == "removed").Select(r => r!["run_id"]!.GetValue<string>()));
        Assert.Equal(preview["bytes_freed"]!.GetValue<long>(), sweep["bytes_freed"]!.GetValue<long>());
        Assert.Equal(new[] { Ids[0] }.Concat(Ids.Skip(6)), await Listed());
        Assert.Empty((await _lab.GetJson("/api/retention/preview"))["runs"]!.AsArray());
    }

    [Fact]
    public async Task Sweep_WhileAnotherProcessHoldsTheLock_Is409()
    {
        var sweeper = _lab.Factory.Services.GetRequiredService<RetentionSweeper>();
        await Eventually.True(() => sweeper.Sweeps >= 1, "the start-up sweep ran");
        using var held = SweepLock.TryAcquire(_lab.ResultsDir);
        Assert.NotNull(held);

        var (response, body) = await _lab.PostJson("/api/retention/sweep", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("sweeping", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(10, (await Listed()).Count);
    }

    [Fact]
    public async Task PinUnpin_ShowInTheListAndDetail_WithBytes()
    {
        var (pin, pinned) = await _lab.PostJson($"/api/runs/{Ids[3]}/pin", null);
        Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        Assert.Equal(Ids[3], pinned!["run_id"]!.GetValue<string>());
        Assert.True(pinned["pinned"]!.GetValue<bool>());

        var item = (await _lab.GetJson("/api/runs")).AsArray().Single(r => r!["id"]!.GetValue<string>() == Ids[3])!;
        Assert.True(item["pinned"]!.GetValue<bool>());
        Assert.Equal(2002, item["bytes"]!.GetValue<long>());
        var detail = await _lab.GetJson($"/api/runs/{Ids[3]}");
        Assert.True(detail["pinned"]!.GetValue<bool>());
        Assert.Equal(2002, detail["bytes"]!.GetValue<long>());

        var (_, unpinned) = await _lab.PostJson($"/api/runs/{Ids[3]}/unpin", null);
        Assert.False(unpinned!["pinned"]!.GetValue<bool>());
        Assert.False((await _lab.GetJson($"/api/runs/{Ids[3]}"))["pinned"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.PostAsync("/api/runs/2020-01-01_00-00-00/pin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _lab.Client.PostAsync("/api/runs/..%2Fetc/pin", null)).StatusCode);
    }

    [Fact]
    public async Task Delete_204ThenGoneFromTheList_404Unknown_409Pinned_400Invalid()
    {
        await _lab.GetJson("/api/runs"); // the listing is cached: the delete must still show at once
        Assert.Equal(HttpStatusCode.NoContent, (await _lab.Client.DeleteAsync($"/api/runs/{Ids[2]}")).StatusCode);
        Assert.DoesNotContain(Ids[2], await Listed());
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.DeleteAsync($"/api/runs/{Ids[2]}")).StatusCode);

        await _lab.PostJson($"/api/runs/{Ids[4]}/pin", null);
        var conflict = await _lab.Client.DeleteAsync($"/api/runs/{Ids[4]}");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("pinned", JsonNode.Parse(await conflict.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Ids[4], await Listed());
        Assert.Equal(HttpStatusCode.BadRequest, (await _lab.Client.DeleteAsync("/api/runs/.pins")).StatusCode);
        Assert.Empty(new RunTrash(_lab.ResultsDir).Pending());
    }

    [Fact]
    public async Task ARunAnUnfinishedJobRefersTo_IsProtected_ButNotOnceTheJobIsTerminal()
    {
        await StartupSweepDone();
        var store = _lab.Factory.Services.GetRequiredService<AstroBench.Server.Jobs.JobStore>();
        var config = new AstroBench.Server.Jobs.JobConfig(["gmst_era"], null, 10, 1, 1, true, false);
        store.TryImport(new AstroBench.Server.Jobs.JobRow("0123456789ab", "running", config, null, Now, Now, null, Ids[1],
            AstroBench.Server.Jobs.JobProgress.Empty, null, null, null, null, null, 0), null);
        await Put(new { keep_last = 1 });

        var preview = await _lab.GetJson("/api/retention/preview");
        Assert.DoesNotContain(Ids[1], preview["runs"]!.AsArray().Select(r => r!["run_id"]!.GetValue<string>()));
        Assert.Contains(Ids[1], preview["protected"]!.AsArray().Select(r => r!.GetValue<string>()));
        var conflict = await _lab.Client.DeleteAsync($"/api/runs/{Ids[1]}");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("job", JsonNode.Parse(await conflict.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // Terminal now: the sweep that follows a finished job removes it.
        Assert.True(store.TryTransition("0123456789ab", "failed"));
        await Eventually.True(() => !_lab.RunFolders().Contains(Ids[1]), "the after-job sweep removed the run");
    }

    [Fact]
    public async Task Sweeper_SweepsOnItsInterval_OnTheInjectedClock()
    {
        var sweeper = _lab.Factory.Services.GetRequiredService<RetentionSweeper>();
        await Eventually.True(() => sweeper.Sweeps >= 1, "the start-up sweep ran");
        Assert.Equal(10, (await Listed()).Count); // keep_last = 50 from appsettings: nothing to remove at start
        await Put(new { keep_last = 3 });
        var before = sweeper.Sweeps;

        await Eventually.True(() =>
        {
            _time.Advance(TimeSpan.FromMinutes(61)); // until the loop's timer is armed and fires
            return sweeper.Sweeps > before;
        }, "an interval sweep ran");

        Assert.Equal(Ids.Skip(7), await Listed());
    }
}
