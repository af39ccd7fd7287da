using System.Text.Json;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Statistics;
using static AstroBench.Core.Tests.Ranking.Contestants;

namespace AstroBench.Core.Tests.Ranking;

/// <summary>The scoreboard over result files as the run writes them (serialised <see cref="LibraryResult"/>s).</summary>
public sealed class ScoreboardBuilderTests
{
    private const string RunId = "2026-12-01_00-00-00";

    private static JsonElement Result(string library, string role, double p99, double[]? samplesNs, Experiments.ReferenceUncertainty? u)
    {
        var stats = new MetricStats("mas", false, 100, 0, 0, p99, p99 / 2, p99 / 2, p99 / 2, p99, p99, p99, null, null, null, null, false);
        var accuracy = new AccuracyResult(Metric, new Dictionary<string, MetricStats> { [Metric] = stats }, 0, 0, [], []);
        var perf = samplesNs is null ? null : PerformanceSummary.From(samplesNs, 1_000_000, 1);
        var result = new LibraryResult(LibraryResult.SchemaId, "frame_bias", library, role, "erfa", "m", "m",
            role == "reference" ? Parity.Reference : Parity.ModelParity, null, "completed", null,
            new DatasetInfo(100, 42, 0, "sha256:x", ["jd_tt"], ["x"]), accuracy, perf, null, u,
            role == "reference" ? null : ReferenceUncertaintyCheck.IsWithin(accuracy, u));
        return JsonSerializer.SerializeToElement(result, ResultJson.Options);
    }

    private static RunScoreboard Build(params JsonElement[] results)
    {
        var summary = new RunSummary(RunId, null, null, ["frame_bias"], [], results.Length, true, RunLayout.Manifest, new Dictionary<string, string>(), true);
        var rows = results.Select(r => ResultRowParser.Parse(r, "frame_bias", "")).ToList();
        return ScoreboardBuilder.Build(new RunDetail(summary, null, rows, new Dictionary<string, IReadOnlyList<JsonElement>> { ["frame_bias"] = results },
            new Dictionary<string, bool>()));
    }

    [Fact]
    public void ResultsWithinReferenceUncertainty_AreNeverRankedAgainstEachOther()
    {
        var u = Uncertainty(5e-8);
        var board = Build(
            Result("erfa", "reference", 0, null, u),
            Result("a", "candidate", 1e-9, null, u),
            Result("b", "candidate", 4e-8, null, u),
            Result("c", "candidate", 3.0, null, u));

        var entries = Assert.Single(board.Experiments).Entries.ToDictionary(e => e.Library);
        Assert.Equal(AccuracyStatuses.WithinReferenceUncertainty, entries["a"].AccuracyStatus);
        Assert.Equal(AccuracyStatuses.WithinReferenceUncertainty, entries["b"].AccuracyStatus);
        Assert.Null(entries["a"].AccuracyRank);
        Assert.Null(entries["b"].AccuracyRank);
        Assert.Equal(AccuracyStatuses.Reference, entries["erfa"].AccuracyStatus);
        // c is beaten by both, which stay unranked between themselves.
        Assert.Equal(3, entries["c"].AccuracyRank);
        var ab = Assert.Single(board.Pairwise, p => p.Library == "a" && p.Opponent == "b");
        Assert.Equal(new Tally(0, 1, 0), ab.Accuracy);
        Assert.Equal(new Tally(1, 0, 0), Assert.Single(board.Pairwise, p => p.Library == "a" && p.Opponent == "c").Accuracy);
        Assert.Equal(new UncertaintyBrief(5e-8, "mas", Metric, "test", "2026-01-01_00-00-00"), board.Experiments[0].ReferenceUncertainty);
    }

    [Fact]
    public void TooFewRounds_IsNeverRankedOnSpeed()
    {
        var board = Build(
            Result("erfa", "reference", 0, [100, 101, 102, 100, 101], null),
            Result("quick", "candidate", 1, [10, 10.1], null),
            Result("slow", "candidate", 1, [200, 201, 202, 200, 201], null));

        var entries = board.Experiments[0].Entries.ToDictionary(e => e.Library);
        Assert.Equal(AccuracyStatuses.Invalid, entries["quick"].SpeedStatus);
        Assert.Null(entries["quick"].SpeedRank);
        Assert.StartsWith(PerformanceSummary.TooFewRoundsCode, entries["quick"].SpeedNote, StringComparison.Ordinal);
        Assert.Equal(1, entries["erfa"].SpeedRank);
        Assert.Equal(2, entries["slow"].SpeedRank);
        Assert.Equal(Tally.Zero, Assert.Single(board.Pairwise, p => p.Library == "quick" && p.Opponent == "slow").Speed);
        Assert.Equal(new Tally(0, 0, 1), Assert.Single(board.Standings, s => s.Library == "slow").Speed);
    }

    [Fact]
    public void Standings_RankByWinsMinusLosses_AndCarryTheExperimentsFrames()
    {
        var board = Build(
            Result("erfa", "reference", 0, null, null),
            Result("good", "candidate", 1, null, null),
            Result("bad", "candidate", 10, null, null));

        // good +1, the reference 0 (never compared on accuracy), bad −1.
        Assert.Equal(["good", "erfa", "bad"], board.Standings.Select(s => s.Library));
        Assert.Equal([1, 2, 3], board.Standings.Select(s => s.AccuracyRank));
        Assert.Equal(("ICRS", "mean J2000"), (board.Experiments[0].FromFrame, board.Experiments[0].ToFrame));
        Assert.Equal(AccuracyComparison.TieFactor, board.AccuracyTieFactor);
    }

    [Fact]
    public void TheCatalogsUncertainty_AppliesOnlyToTheReferenceItWasMeasuredFor()
    {
        // frame_bias was measured against erfa (4.58e-8 mas); result files without a stored uncertainty fall back to it.
        var withErfa = Build(Result("erfa", "reference", 0, null, null), Result("a", "candidate", 1e-9, null, null), Result("b", "candidate", 4e-8, null, null));
        var withOther = Build(Result("other", "reference", 0, null, null), Result("a", "candidate", 1e-9, null, null), Result("b", "candidate", 4e-8, null, null));

        Assert.All(withErfa.Experiments[0].Entries.Where(e => e.Role == "candidate"),
            e => Assert.Equal(AccuracyStatuses.WithinReferenceUncertainty, e.AccuracyStatus));
        Assert.Null(withOther.Experiments[0].ReferenceUncertainty);
        Assert.Equal([1, 2], withOther.Experiments[0].Entries.Where(e => e.Role == "candidate").Select(e => e.AccuracyRank));
    }
}
