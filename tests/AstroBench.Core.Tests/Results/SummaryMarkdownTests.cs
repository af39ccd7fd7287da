using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Results;

public sealed class SummaryMarkdownTests
{
    private static readonly DatasetInfo Dataset = new(1000, 42, 6, "sha256:0", ["jd_ut1"], ["gmst_rad"]);

    private static LibraryResult Result(string library, string role, string parity, PerformanceSummary perf) =>
        new(LibraryResult.SchemaId, "gmst_era", library, role, "erfa", "m", "m", parity, null, "completed", null, Dataset, null, perf);

    private static List<LibraryResult> Results(string parity, double[] candidateSamples)
    {
        var reference = PerformanceSummary.From([41.0, 40.0, 42.0, 40.5, 41.5], 2_000_000, 1);
        var candidate = PerformanceSummary.From(candidateSamples, 2_000_000, 1);
        return
        [
            Result("erfa", "reference", "reference", reference.WithSpeedupAgainst(reference, isReference: true)),
            Result("libnova", "candidate", parity, candidate.WithSpeedupAgainst(reference, isReference: false)),
        ];
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void MedianCi_WithFiveRounds_StatesItsRealCoverage_NeverNinetyFive(string culture)
    {
        using var _ = new CultureScope(culture);

        var md = SummaryMarkdown.Experiment("gmst_era", "GMST", Results("model-parity", [20.0, 20.4, 19.8, 20.2, 20.6]));

        Assert.Contains("| median CI (coverage) |", md, StringComparison.Ordinal);
        Assert.Contains("[40, 42] (93.75 %)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("95% CI", md, StringComparison.Ordinal);
        Assert.DoesNotContain("(95 %)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("93,75", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Speedup_BetweenModelMismatchedLibraries_IsLabelled()
    {
        var md = SummaryMarkdown.Experiment("gmst_era", "GMST", Results("model-mismatch", [20.0, 20.4, 19.8, 20.2, 20.6]));

        var line = Line(md, "| libnova |");
        Assert.Contains("2.03× [", line, StringComparison.Ordinal);
        Assert.EndsWith("(model mismatch) |", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Speedup_OfUnequalWorkAtModelParity_IsLabelled_AndTheLoopCostIsStated()
    {
        var results = Results("model-parity", [20.0, 20.4, 19.8, 20.2, 20.6]);
        var loop = LoopCost.From([new(1000, 10, 0, 1, 2.5, 40, true), new(1000, 10, 0, 1, 2.5, 40, false), new(1000, 10, 0, 1, 2.5, 40, true)], warmupAuto: true);
        results[1] = results[1] with
        {
            Performance = results[1].Performance! with { Loop = loop, SpeedupLabel = SpeedupLabels.ModelMismatch, SpeedupLabelReason = "computes gmst_rad but not era_rad" },
        };
        results[0] = results[0] with { Performance = results[0].Performance! with { Loop = LoopCost.From([new(1000, 10, 0, 1)], warmupAuto: false) } };

        var md = SummaryMarkdown.Experiment("gmst_era", "GMST", results);

        Assert.EndsWith("(model mismatch) |", Line(md, "| libnova |"), StringComparison.Ordinal);
        Assert.Contains("**libnova** timing loop: empty loop 2.5 ns/op subtracted (raw median 100 ns/op); warm-up until steady: 2 of 5 rounds steady. Speedup labelled model mismatch: computes gmst_rad but not era_rad.", md, StringComparison.Ordinal);
        Assert.Contains("**erfa** timing loop: loop cost unknown (protocol < 3), not subtracted; warm-up fixed (10 % of the ops).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void IndistinguishableSpeedup_ReadsApproximatelyOne()
    {
        var md = SummaryMarkdown.Experiment("gmst_era", "GMST", Results("model-parity", [38.0, 44.0, 39.5, 43.0, 40.0]));

        Assert.Contains("| ≈ 1× [", Line(md, "| libnova |"), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidResult_ShowsNoSpeedup_ButItsReason()
    {
        var md = SummaryMarkdown.Experiment("gmst_era", "GMST", Results("model-parity", [20.0]));

        var line = Line(md, "| libnova |");
        Assert.Contains("| — (too_few_rounds: 1 round", line, StringComparison.Ordinal);
        Assert.DoesNotContain("×", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeedupInterval_IsWrittenSnakeCase()
    {
        var json = JsonSerializer.Serialize(Results("model-parity", [20.0, 20.4, 19.8, 20.2, 20.6])[1], ResultJson.Options);

        foreach (var name in new[] { "speedup_vs_reference", "speedup_ci_low", "speedup_ci_high", "speedup_ci_level", "speedup_verdict" })
        {
            Assert.Contains($"\"{name}\": ", json, StringComparison.Ordinal);
        }
        Assert.Contains("\"speedup_verdict\": \"faster\"", json, StringComparison.Ordinal);
        Assert.Contains("\"speedup_ci_level\": 0.95", json, StringComparison.Ordinal);
    }

    private static string Line(string md, string start) =>
        md.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));
}
