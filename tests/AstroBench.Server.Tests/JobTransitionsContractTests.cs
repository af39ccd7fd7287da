using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Tests;

/// <summary>The store enforces <see cref="JobTransitions.Allowed"/>: every pair in it is accepted, every other pair refused.</summary>
public sealed class JobTransitionsContractTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-transitions-").FullName;
    private readonly JobStore _store;
    private int _next;

    public JobTransitionsContractTests() => _store = new JobStore(new ServerPaths(new AstroBenchServerOptions { Root = _root }));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in JobStatus.All)
        {
            foreach (var to in JobStatus.All)
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void TryTransition_AcceptsExactlyThePairsOfTheTable(string from, string to)
    {
        var id = Job(from);

        var accepted = _store.TryTransition(id, to, new TransitionUpdate { Reason = "test" });

        Assert.Equal(JobTransitions.IsAllowed(from, to), accepted);
        Assert.Equal(accepted ? to : from, _store.Get(id)!.Status);
        var history = _store.History(id);
        Assert.Equal(accepted ? 2 : 1, history.Count);
        if (accepted)
        {
            Assert.Equal((from, to), (history[^1].From, history[^1].To));
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void ACallerExpectingAnyState_CannotWidenTheTable(string from, string to)
    {
        var id = Job(from);

        Assert.Equal(JobTransitions.IsAllowed(from, to), _store.TryTransition(id, to, JobStatus.All));
    }

    [Fact]
    public void TerminalStates_NeverChange()
    {
        foreach (var terminal in JobStatus.All.Where(JobStatus.IsTerminal))
        {
            Assert.False(JobTransitions.Allowed.ContainsKey(terminal));
            var id = Job(terminal);
            foreach (var to in JobStatus.All)
            {
                Assert.False(_store.TryTransition(id, to, JobStatus.All));
            }
            Assert.Equal(terminal, _store.Get(id)!.Status);
        }
    }

    [Fact]
    public void EveryActiveState_CanEndFailed_AndEveryStateIsInTheTable()
    {
        // An internal error or a lost process must be able to end any active job.
        Assert.All(JobStatus.Active, s => Assert.True(JobTransitions.IsAllowed(s, JobStatus.Failed), s));
        Assert.Equal(JobStatus.Active.Order(), JobTransitions.Allowed.Keys.Order());
        Assert.All(JobTransitions.Allowed.Values.SelectMany(v => v), s => Assert.Contains(s, JobStatus.All));
    }

    [Fact]
    public void AnUnknownJob_IsRefused() => Assert.False(_store.TryTransition("ffffffffffff", JobStatus.Starting));

    private string Job(string status)
    {
        var id = (++_next).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        var row = new JobRow(id, status, new JobConfig(["all"], null, 1, 1, 1, true, false), null, DateTimeOffset.UtcNow,
            null, null, null, JobProgress.Empty, null, null, null, null, null, 0);
        Assert.True(_store.TryImport(row, null));
        return id;
    }
}
