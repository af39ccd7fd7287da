using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Compare;

/// <summary>
/// A results folder with a baseline and candidates whose every number is chosen (flat perf samples, so the bootstrap
/// interval equals the ratio and docs-style expected files can be written by hand).
/// </summary>
internal sealed class GateLab : IDisposable
{
    public const string Testbed = "0123456789abcdef";
    public const string Base = "2026-01-01_00-00-00";
    public const string Same = "2026-01-02_00-00-00";
    public const string Regressed = "2026-01-03_00-00-00";
    public const string OtherDataset = "2026-01-04_00-00-00";
    public const string OtherTestbed = "2026-01-05_00-00-00";

    private readonly TempLab _lab = new();

    public GateLab()
    {
        GateRuns.Write(Results, Base, Testbed,
            new("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)),
            new("gmst_era", "libnova", 0.09, 0.1, GateRuns.Flat(200)),
            new("kepler", "libnova", 1e-6, 2e-6, GateRuns.Flat(50)));
        // Same numbers, but a last-bit accuracy wobble (within the float tolerance) and a 2 % slowdown (below the minimum effect).
        GateRuns.Write(Results, Same, Testbed,
            new("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)),
            new("gmst_era", "libnova", 0.09 * (1 + 1e-12), 0.1, GateRuns.Flat(204)),
            new("kepler", "libnova", 1e-6, 2e-6, GateRuns.Flat(50)));
        GateRuns.Write(Results, Regressed, Testbed,
            new("gmst_era", "erfa", 0, 0, [100, 101, 99, 100, 100]),
            new("gmst_era", "libnova", 0.12, 0.1, GateRuns.Flat(240)),
            new("kepler", "libnova", 1e-6, 2e-6, [40], PerfValid: false,
                InvalidReason: "too_few_rounds: 1 round (at least 3 are needed to judge stability)"));
        GateRuns.Write(Results, OtherDataset, Testbed,
            new GateResult("gmst_era", "libnova", 0.09, 0.1, GateRuns.Flat(200), Fingerprint: "sha256:bbbb"));
        GateRuns.Write(Results, OtherTestbed, "fedcba9876543210",
            new GateResult("gmst_era", "libnova", 0.09, 0.1, GateRuns.Flat(200)));
    }

    public string Dir => _lab.Dir;

    public string Results => _lab.Results;

    public Task<CliResult> Cli(params string[] args) => CliProcess.RunAsync(_lab.Dir, args);

    public void Dispose() => _lab.Dispose();
}
