using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Compare;

/// <summary>
/// <c>astrobench compare</c> when both runs carry a machine-speed probe (docs/engine.md, "The machine-speed probe"): the
/// machines differing by more than the verdict threshold is said (a warning line, <c>machine</c> in the JSON, the changed
/// rows' note), and never changes a verdict or the exit code.
/// </summary>
public sealed class CompareMachineTests : IDisposable
{
    private readonly GateLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task ProbesTenPercentApart_WarnInTheTableAndJson_AndTheRegressionStaysARegression()
    {
        ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Base), 2.0);
        ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Regressed), 2.2);

        var table = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed);
        var json = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "json");
        var markdown = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "markdown");

        Assert.Equal((1, 1, 1), (table.ExitCode, json.ExitCode, markdown.ExitCode));
        Assert.Contains("warning: the machine ran 10.0 % slower in the candidate run than in the baseline (probe median 2 → 2.2 ns/op)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("⚠️ **Machine speed:** the machine ran 10.0 % slower", markdown.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Stdout);
        var machine = doc.RootElement.GetProperty("machine");
        Assert.True(machine.GetProperty("differs").GetBoolean());
        Assert.Equal((2.0, 2.2, 10.0, 5.0), (machine.GetProperty("baseline_probe_ns").GetDouble(), machine.GetProperty("candidate_probe_ns").GetDouble(),
            machine.GetProperty("difference_percent").GetDouble(), machine.GetProperty("threshold_percent").GetDouble()));
        var regressed = doc.RootElement.GetProperty("performance").EnumerateArray().Single(r => r.GetProperty("library").GetString() == "libnova" && r.GetProperty("experiment").GetString() == "gmst_era");
        Assert.Equal("regression", regressed.GetProperty("verdict").GetString());
        Assert.Equal("machine speed differed by 10.0 % between the runs (probe)", regressed.GetProperty("note").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("performance_summary").GetProperty("regressions").GetInt32());
    }

    [Fact]
    public async Task ProbesWithinTheThreshold_AreReported_WithoutAWarning()
    {
        ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Base), 2.0);
        ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Regressed), 2.08);

        var json = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "json");
        var table = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed);

        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var machine = doc.RootElement.GetProperty("machine");
        Assert.False(machine.GetProperty("differs").GetBoolean());
        Assert.Equal(JsonValueKind.Null, machine.GetProperty("warning").ValueKind);
        Assert.DoesNotContain("warning:", table.Stdout, StringComparison.Ordinal);
        Assert.All(doc.RootElement.GetProperty("performance").EnumerateArray(), r => Assert.NotEqual("machine speed differed by 4.0 % between the runs (probe)", r.GetProperty("note").GetString()));
    }

    [Theory]
    [InlineData(false, "fp-poly+libm-trig/2")]
    [InlineData(true, "another-kernel/9")]
    public async Task OneRunWithoutAProbe_OrAnotherKernel_ComparesAsBefore(bool candidateProbe, string kernel)
    {
        ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Base), 2.0);
        if (candidateProbe)
        {
            ProbeRuns.WithProbe(Path.Combine(_lab.Results, GateLab.Regressed), 3.0, kernel);
        }

        var json = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "json");
        var markdown = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "markdown");

        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("machine").ValueKind);
        var expected = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "tests", "AstroBench.Cli.Tests", "Compare", "expected-regression.md"));
        Assert.Equal(expected, markdown.Stdout);
    }
}
