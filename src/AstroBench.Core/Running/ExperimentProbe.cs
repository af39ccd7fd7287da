namespace AstroBench.Core.Running;

/// <summary>
/// One experiment's probe samples, one per timing cycle (docs/engine.md, "The machine-speed probe"). A failed probe process
/// drops the experiment's samples (<see cref="Samples"/> null) rather than leave a gap that would misalign cycles and samples;
/// the probe only informs, so timing goes on. <see cref="Spent"/> is the probes' own time; the probes of the first
/// <paramref name="plannedCycles"/> cycles and the one after them are kept out of the rounds budget (<see cref="OutsideBudget"/>),
/// so that the probe does not change how many rounds a library is planned; a later cycle's probe (an extra round's, or a
/// discarded round's retake's) is paid from it like the round it precedes, so that the budget bounds the run's time.
/// Every sample is also shown to the run's <see cref="ContentionGate"/>, if any (docs/engine.md, "Contended cycles").
/// </summary>
internal sealed class ExperimentProbe(MachineProbe? probe, TimeProvider clock, ContentionGate? gate = null, int plannedCycles = int.MaxValue)
{
    private readonly List<double> samples = [];
    private bool failed;

    /// <summary>The current cycle (0-based); -1 before the first.</summary>
    public int Index { get; private set; } = -1;

    public TimeSpan Spent { get; private set; }

    /// <summary>The probes' time the rounds budget leaves out: the planned cycles' probes (and the one judging the last of
    /// them). A wait for an uncontended machine is paid from the budget (docs/engine.md, "Contended cycles"), and so is a
    /// later cycle's probe, so that contention and extra rounds cost rounds, not run time.</summary>
    public TimeSpan OutsideBudget => Spent - RetakeSpent - PaidSpent;

    /// <summary>The time of the probes of the cycles after the planned ones (and after the probe judging the last of them).</summary>
    public TimeSpan PaidSpent { get; private set; }

    /// <summary>The probes taken again before a cycle because the machine was contended (<see cref="RetakeAsync"/>) and their time.</summary>
    public int Retakes { get; private set; }

    public TimeSpan RetakeSpent { get; private set; }

    /// <summary>The samples so far (ns/op), or null without a probe or after a failed probe process.</summary>
    public IReadOnlyList<double>? Samples => probe is null || failed ? null : samples;

    /// <summary>The current cycle's sample, or null without one (no probe, a failed probe, before the first cycle).</summary>
    public double? Last => Samples is { Count: > 0 } s && s.Count == Index + 1 ? s[^1] : null;

    public async Task StartCycleAsync(CancellationToken ct)
    {
        Index++;
        var before = Spent;
        if (await SampleAsync(ct) is { } ns)
        {
            samples.Add(ns);
        }
        if (Index > plannedCycles)
        {
            PaidSpent += Spent - before;
        }
    }

    /// <summary>Probes the current cycle again (its rounds have not run): the new sample replaces the cycle's, so that
    /// <see cref="Samples"/> keeps one sample per cycle, the one its rounds ran after.</summary>
    public async Task RetakeAsync(CancellationToken ct)
    {
        var t0 = clock.GetTimestamp();
        if (Last is not null && await SampleAsync(ct) is { } ns)
        {
            samples[^1] = ns;
        }
        Retakes++;
        RetakeSpent += clock.GetElapsedTime(t0);
    }

    private async Task<double?> SampleAsync(CancellationToken ct)
    {
        if (probe is null || failed)
        {
            return null;
        }
        var t0 = clock.GetTimestamp();
        var sample = await probe.SampleAsync(ct);
        Spent += clock.GetElapsedTime(t0);
        if (sample is not { } ns)
        {
            failed = true;
            return null;
        }
        gate?.Observe(ns);
        return ns;
    }
}
