using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Running;
using AstroBench.Tests.Shared;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// An experiment's timing in two parts (<see cref="ExperimentTiming"/>; docs/engine.md, "Timing in two parts"): the two
/// parts time what one piece times, say which part each round ran in, and the time between them is no part of the
/// experiment's budget. Fixtures answer chosen figures, so nothing depends on this machine's speed.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class TimingPartsTests : IDisposable
{
    private static readonly ExperimentDefinition GmstEra = ExperimentCatalog.Find("gmst_era")!;
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-parts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The fixed-figures fixture (tests/fixtures/adapters/fixedperf) under another name, declaring <paramref name="language"/>.</summary>
    private AdapterInfo Fixed(string name, string language = "sh")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        File.CreateSymbolicLink(Path.Combine(folder, "adapter.sh"), Path.Combine(Repo.Fixtures, "fixedperf", "adapter.sh"));
        File.WriteAllText(Path.Combine(folder, "adapter.json"), File.ReadAllText(Path.Combine(Repo.Fixtures, "fixedperf", "adapter.json"))
            .Replace("\"name\": \"fixedperf\"", $"\"name\": \"{name}\"", StringComparison.Ordinal)
            .Replace("\"language\": \"sh\"", $"\"language\": \"{language}\"", StringComparison.Ordinal));
        return AdapterRegistry.Load([_dir]).Find(name)!;
    }

    /// <summary>A protocol 1 adapter whose perf calls report 10 and 30 ns/op in turn (a count file in its folder): its CV
    /// stays far above every target, so it asks for rounds until its most or the budget.</summary>
    private AdapterInfo Alternating(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "adapter.sh"), """
            #!/bin/sh
            if [ "${1:-}" = "--version" ]; then echo "alternating 1.0.0"; exit 0; fi
            ops=$(sed -n 's/^ops //p' | head -n 1)
            count=0; [ -f count ] && count=$(cat count); echo $((count + 1)) > count
            ns=10; [ $((count % 2)) -eq 1 ] && ns=30
            printf 'ABP 1\nstatus ok\ntotal_ns %s\nops %s\nsink 0\nclock_res_ns 1\nend\n' $((ops * ns)) "$ops"
            """.Replace("\r", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "adapter.json"), $$"""
            { "name": "{{name}}", "protocol": 1, "language": "c", "library": "test fixture", "license": "n/a",
              "run": ["sh", "adapter.sh"], "version": ["sh", "adapter.sh", "--version"], "requires": [],
              "experiments": { "gmst_era": { "model": "fixture", "role": "candidate" } } }
            """);
        return AdapterRegistry.Load([_dir]).Find(name)!;
    }

    /// <summary>The system clock, moved ahead by the test: the time between two parts, without waiting for it.</summary>
    private sealed class JumpingClock : TimeProvider
    {
        private long _offset;

        public void Jump(TimeSpan by) => _offset += (long)(by.TotalSeconds * TimestampFrequency);

        public override long GetTimestamp() => System.GetTimestamp() + _offset;
    }

    private static TimingSchedule Schedule(RoundsPolicy policy, TimeProvider? clock = null) =>
        new(new PerfMeasurer(new AdapterProcessRunner(TimeSpan.FromSeconds(60))), policy, clock ?? TimeProvider.System);

    private static ExperimentTiming Begin(TimingSchedule schedule, IReadOnlyList<AdapterInfo> adapters) =>
        schedule.Begin(adapters, GmstEra, GmstEra.Generator.Generate(8, 1), TimeSpan.FromMilliseconds(100), (_, _, _, _) => { });

    [Fact]
    public async Task TwoParts_TimeWhatOnePieceTimes_AndSayWhichPartEachRoundRanIn()
    {
        var policy = new RoundsPolicy(3, 3, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10));
        var whole = await Schedule(policy).MeasureAsync([Fixed("wa"), Fixed("wb")], GmstEra, GmstEra.Generator.Generate(8, 1),
            TimeSpan.FromMilliseconds(100), (_, _, _, _) => { }, CancellationToken.None);
        var timing = Begin(Schedule(policy), [Fixed("pa"), Fixed("pb")]);

        await timing.RunAsync(firstPart: true, CancellationToken.None);
        Assert.False(timing.Done);
        Assert.Throws<InvalidOperationException>(() => timing.Finish()); // no figure before the second part
        await timing.RunAsync(firstPart: false, CancellationToken.None);
        Assert.True(timing.Done);
        var parts = timing.Finish();

        Assert.Null(parts.Failure);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(whole.Summaries![i].SamplesNs, parts.Summaries![i].SamplesNs);
            Assert.Equal(whole.Summaries[i].RoundSequence, parts.Summaries[i].RoundSequence);
            Assert.Equal(whole.Summaries[i].OpsPerRound, parts.Summaries[i].OpsPerRound);
            Assert.Null(whole.Summaries[i].RoundParts);
            Assert.Equal([1, 1, 2], parts.Summaries[i].RoundParts); // the first half of 3 planned rounds, rounded up
        }
    }

    [Fact]
    public async Task TheFirstPart_HasTheFirstHalfOfEachLibrarysPlannedRounds_AndNoMore()
    {
        // The default --perf-rounds: 15 planned rounds for C, 4 for Python. The cycles that bring C to 8 would carry Python's
        // third and fourth planned rounds into the first part, which would leave its second part empty.
        var timing = Begin(Schedule(new RoundsPolicy(RunLimits.DefaultPerfRounds, null, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10))),
            [Fixed("native", "c"), Fixed("interpreted", "python")]);

        await timing.RunAsync(firstPart: true, CancellationToken.None);
        await timing.RunAsync(firstPart: false, CancellationToken.None);
        var summaries = timing.Finish().Summaries!;

        Assert.Equal([.. Enumerable.Repeat(1, 8), .. Enumerable.Repeat(2, 7)], summaries[0].RoundParts);
        Assert.Equal([1, 1, 2, 2], summaries[1].RoundParts);
    }

    [Fact]
    public async Task AFirstPart_OfATimingThatEndsWithinIt_IsTheWholeTiming()
    {
        var timing = Begin(Schedule(new RoundsPolicy(1, 1, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10))), [Fixed("one")]);

        await timing.RunAsync(firstPart: true, CancellationToken.None);

        Assert.True(timing.Done);
        Assert.Null(timing.Finish().Summaries![0].RoundParts); // one part: no part list
    }

    [Fact]
    public async Task TheTimeBetweenTheParts_IsNoPartOfTheBudget()
    {
        var clock = new JumpingClock();
        var timing = Begin(Schedule(new RoundsPolicy(3, 6, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromSeconds(30)), clock), [Alternating("alt")]);

        await timing.RunAsync(firstPart: true, CancellationToken.None);
        clock.Jump(TimeSpan.FromHours(1)); // other experiments' first parts, an hour of them
        await timing.RunAsync(firstPart: false, CancellationToken.None);
        var perf = timing.Finish().Summaries![0];

        // Counted, the hour would have spent the budget: the planned 3 rounds and no extra one.
        Assert.Equal(6, perf.Rounds);
        Assert.Equal("max_rounds", perf.RoundsStop);
    }
}
