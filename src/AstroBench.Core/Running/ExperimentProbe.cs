namespace AstroBench.Core.Running;

/// <summary>
/// One experiment's probe samples, one per timing cycle (docs/engine.md, "The machine-speed probe"). A failed probe process
/// drops the experiment's samples (<see cref="Samples"/> null) rather than leave a gap that would misalign cycles and samples;
/// the probe only informs, so timing goes on. <see cref="Spent"/> is the probes' own time, kept out of the rounds budget so
/// that the probe does not change how many rounds a library gets.
/// </summary>
internal sealed class ExperimentProbe(MachineProbe? probe, TimeProvider clock)
{
    private readonly List<double> samples = [];
    private bool failed;

    /// <summary>The current cycle (0-based); -1 before the first.</summary>
    public int Index { get; private set; } = -1;

    public TimeSpan Spent { get; private set; }

    /// <summary>The samples so far (ns/op), or null without a probe or after a failed probe process.</summary>
    public IReadOnlyList<double>? Samples => probe is null || failed ? null : samples;

    public async Task StartCycleAsync(CancellationToken ct)
    {
        Index++;
        if (probe is null || failed)
        {
            return;
        }
        var t0 = clock.GetTimestamp();
        var sample = await probe.SampleAsync(ct);
        Spent += clock.GetElapsedTime(t0);
        if (sample is { } ns)
        {
            samples.Add(ns);
        }
        else
        {
            failed = true;
        }
    }
}
