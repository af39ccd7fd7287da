namespace AstroBench.Core.Results.Model;

/// <summary>
/// The manifest's <c>machine</c> block (docs/run-folder.md): how the machine itself behaved while the run timed. Absent with
/// <c>--no-perf</c>, when the probe is not built, and in runs written before it.
/// </summary>
public sealed record RunMachine(RunProbe Probe);

/// <summary>
/// The machine-speed probe over a run's timing (docs/engine.md, "The machine-speed probe"): one sample per timing cycle,
/// each the median of <see cref="Values"/> values of <see cref="Ops"/> ops in a fresh process. <see cref="DriftPercent"/> =
/// (p90 − p10) / median (MachineDrift.Of); <see cref="Varied"/> when it is above <see cref="DriftThresholdPercent"/>.
/// </summary>
public sealed record RunProbe(
    string Kernel,
    int Values,
    int Samples,
    double MedianNs,
    double MinNs,
    double MaxNs,
    double DriftPercent,
    double RobustCvPercent,
    double DriftThresholdPercent,
    bool Varied);
