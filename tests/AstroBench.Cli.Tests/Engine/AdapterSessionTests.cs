using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// Protocol v2 failure paths with a real persistent process (tests/fixtures/adapters-v2/crash2): a crash mid-stream
/// fails the request in flight alone and the next request runs in a fresh process; silence times out; a cancel
/// kills the process. v1 adapters keep one process per call.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class AdapterSessionTests
{
    private static readonly AdapterRegistry Registry = AdapterRegistry.Load([Path.Combine(Repo.Root, "tests", "fixtures", "adapters-v2"), Repo.Fixtures]);

    private static AdapterRequest Request(string experiment, int columns) =>
        AdapterRequest.Accuracy(experiment, new InputTable(Enumerable.Range(0, columns).Select(c => "c" + c).ToList(), 3, 0));

    [Fact]
    public async Task CrashMidStream_FailsOnlyTheRequestInFlight_AndTheNextRequestGetsAFreshProcess()
    {
        var adapter = Registry.Find("crash2")!;
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        await using var calls = new AccuracyCalls(runner, AccuracyTransport.Hex, jobs: 1);

        var first = await calls.CallAsync(adapter, Request("gmst_era", 2), 2, CancellationToken.None);
        var crashed = await calls.CallAsync(adapter, Request("kepler_solver", 2), 2, CancellationToken.None);
        var after = await calls.CallAsync(adapter, Request("gmst_era", 2), 2, CancellationToken.None);

        Assert.Equal(CallOutcome.Completed, first.Outcome);
        Assert.Equal(CallOutcome.NonZeroExit, crashed.Outcome);
        Assert.Contains("exit code 3", crashed.Detail, StringComparison.Ordinal);
        Assert.Contains("boom in kepler_solver", crashed.Stderr, StringComparison.Ordinal);
        Assert.Equal(CallOutcome.Completed, after.Outcome);
        Assert.Equal(2, calls.SessionsStarted);
        Assert.Equal(3, runner.Calls);
    }

    [Fact]
    public async Task SilentAdapter_TimesOut_AndItsProcessIsKilled()
    {
        await using var session = AdapterSession.Start(Registry.Find("crash2")!, WireEncoding.Hex, TimeSpan.FromSeconds(1))!;

        var result = await session.CallAsync(Request("equ_ecl", 3), 4, CancellationToken.None);

        Assert.Equal(CallOutcome.TimedOut, result.Outcome);
        Assert.False(session.Alive);
        Assert.False(Directory.Exists($"/proc/{session.ProcessId}"), "the timed-out adapter must be gone");
    }

    [Fact]
    public async Task Cancel_KillsTheSessionProcess()
    {
        await using var session = AdapterSession.Start(Registry.Find("crash2")!, WireEncoding.Decimal, TimeSpan.FromMinutes(5))!;
        using var cts = new CancellationTokenSource();
        var marker = $"/tmp/abp-hang-{session.ProcessId}";

        var call = session.CallAsync(Request("equ_ecl", 3), 4, cts.Token);
        await Eventually.True(() => File.Exists(marker), "the fixture hangs in its request");
        await cts.CancelAsync();
        var result = await call;
        File.Delete(marker);

        Assert.Equal(CallOutcome.Cancelled, result.Outcome);
        Assert.False(Directory.Exists($"/proc/{session.ProcessId}"), "the cancelled adapter must be gone");
    }

    [Fact]
    public async Task V1OnlyAdapter_IsCalledWithOneProcessPerCall_UnderEveryTransport()
    {
        var skipper = Registry.Find("skipper")!;
        Assert.False(skipper.Manifest.SpeaksV2);
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        await using var calls = new AccuracyCalls(runner, AccuracyTransport.Hex, jobs: 2);

        var result = await calls.CallAsync(skipper, Request("gmst_era", 2), 2, CancellationToken.None);

        Assert.Equal(CallOutcome.Skipped, result.Outcome);
        Assert.Equal(0, calls.SessionsStarted);
        Assert.Equal("v1", AccuracyTransport.Hex.Describe(skipper.Manifest));
    }
}
