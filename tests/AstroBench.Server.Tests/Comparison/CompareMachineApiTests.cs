namespace AstroBench.Server.Tests.Comparison;

/// <summary>
/// <c>GET /api/compare</c> with the runs' machine-speed probes (docs/engine.md, "The machine-speed probe"): <c>machine</c>
/// says when the machines differed by more than the 5 % minimum change, and never changes a verdict.
/// </summary>
public sealed class CompareMachineApiTests : IDisposable
{
    private const string Testbed = "0123456789abcdef";
    private const string RunA = "2026-03-01_00-00-00";
    private const string RunB = "2026-03-02_00-00-00";
    private readonly Lab _lab = new();

    public CompareMachineApiTests()
    {
        GateRuns.Write(_lab.ResultsDir, RunA, Testbed, new GateResult("gmst_era", "libnova", 0.09, 0.1, [100, 101, 99, 100, 100]));
        GateRuns.Write(_lab.ResultsDir, RunB, Testbed, new GateResult("gmst_era", "libnova", 0.09, 0.1, [120, 121, 119, 120, 120]));
    }

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task ProbesTwelvePercentApart_AreSaid_AndTheRegressionStays()
    {
        ProbeRuns.WithProbe(Path.Combine(_lab.ResultsDir, RunA), 2.5);
        ProbeRuns.WithProbe(Path.Combine(_lab.ResultsDir, RunB), 2.8);

        var compare = await _lab.GetJson($"/api/compare?run_a={RunA}&run_b={RunB}");

        var machine = compare["machine"]!;
        Assert.True(machine["differs"]!.GetValue<bool>());
        Assert.Equal(12.0, machine["difference_percent"]!.GetValue<double>(), 9);
        Assert.Equal(5.0, machine["threshold_percent"]!.GetValue<double>());
        Assert.StartsWith("the machine ran 12.0 % slower in the candidate run", machine["warning"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("regressed", compare["performance"]![0]!["verdict"]!.GetValue<string>());
        Assert.Equal(1, compare["summary"]!["perf_regressions"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutProbes_MachineIsNull_AndTheRestAsBefore()
    {
        var compare = await _lab.GetJson($"/api/compare?run_a={RunA}&run_b={RunB}");

        Assert.Null(compare["machine"]);
        Assert.Equal("regressed", compare["performance"]![0]!["verdict"]!.GetValue<string>());
    }
}
