using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Compare;

/// <summary><c>astrobench compare</c>, the CI gate, through the real binary: exit codes and the PR-comment Markdown.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly GateLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task Regression_Exits1_AndTheMarkdownMatchesTheHandWrittenVerdict()
    {
        var r = await _lab.Cli("compare", GateLab.Base, GateLab.Regressed, "--format", "markdown");

        Assert.Equal(1, r.ExitCode);
        var expected = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "tests", "AstroBench.Cli.Tests", "Compare", "expected-regression.md"));
        Assert.Equal(expected, r.Stdout);
    }

    [Fact]
    public async Task WithinTheToleranceAndBelowTheMinimumEffect_Exits0()
    {
        var r = await _lab.Cli("compare", GateLab.Base, GateLab.Same);

        Assert.True(r.ExitCode == 0, r.All);
        Assert.StartsWith("pass (exit 0)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyChange_FailsOnTheWobbleFreeRunOnlyWhenSomethingChanged()
    {
        Assert.Equal(0, (await _lab.Cli("compare", GateLab.Base, GateLab.Same, "--fail-on", "any-change")).ExitCode);
        Assert.Equal(1, (await _lab.Cli("compare", GateLab.Same, GateLab.Regressed, "--fail-on", "any-change")).ExitCode);
    }

    [Fact]
    public async Task DifferentDatasetFingerprints_Exit2_WithOneLine()
    {
        var r = await _lab.Cli("compare", GateLab.Base, GateLab.OtherDataset);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("not comparable: different datasets for gmst_era/libnova: fingerprint sha256:aaaa vs sha256:bbbb (same n and seed needed)",
            r.Stderr.Trim());
    }

    [Fact]
    public async Task DifferentTestbeds_Exit2()
    {
        var r = await _lab.Cli("compare", GateLab.Base, GateLab.OtherTestbed, "--format", "json");

        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("not_comparable", doc.RootElement.GetProperty("outcome").GetString());
        Assert.StartsWith("different testbeds", doc.RootElement.GetProperty("not_comparable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baseline_UsesThePinnedRunOfTheCandidatesTestbed_AndLatestTheNewestOlderRun()
    {
        var none = await _lab.Cli("compare", "baseline", GateLab.Regressed);
        Assert.Equal(2, none.ExitCode);
        Assert.Single(none.Lines);

        Assert.Equal(0, (await _lab.Cli("baselines", "set", GateLab.Base)).ExitCode);
        var json = await _lab.Cli("compare", "baseline", GateLab.Regressed, "--format", "json");
        Assert.Equal(1, json.ExitCode);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            Assert.Equal(GateLab.Base, doc.RootElement.GetProperty("baseline").GetString());
        }

        var latest = await _lab.Cli("compare", "latest", GateLab.Regressed, "--format", "json");
        using var latestDoc = JsonDocument.Parse(latest.Stdout);
        Assert.Equal(GateLab.Same, latestDoc.RootElement.GetProperty("baseline").GetString());
    }

    [Fact]
    public async Task APathToARunFolder_IsAcceptedAsEitherSide()
    {
        var r = await _lab.Cli("compare", Path.Combine(_lab.Results, GateLab.Base), Path.Combine(_lab.Results, GateLab.Same));

        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData("no-such-run")]
    [InlineData("2030-01-01_00-00-00")]
    [InlineData("latest")]
    public async Task InvalidInput_Exits2_WithOneLine(string candidate)
    {
        var r = await _lab.Cli("compare", GateLab.Base, candidate);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Lines);
        Assert.StartsWith("error: ", r.Stderr, StringComparison.Ordinal);
    }
}
