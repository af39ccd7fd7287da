using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.Ranking;

/// <summary>
/// Builds a run's scoreboard (docs/scoreboard.md) from its result files: per experiment every library's accuracy and
/// speed status and rank, and pairwise wins/ties/losses of every library against every other, from
/// <see cref="AccuracyComparison"/> and <see cref="SpeedComparison"/>. The one definition for the CLI and the server.
/// </summary>
public static class ScoreboardBuilder
{
    public static RunScoreboard Build(RunDetail run)
    {
        var contestants = run.Results
            .Select(kv => (Experiment: kv.Key, Results: kv.Value.Select(j => Contestant.From(j, kv.Key, "")).ToList()))
            .OrderBy(e => CatalogOrder(e.Experiment)).ThenBy(e => e.Experiment, StringComparer.Ordinal)
            .ToList();
        var libraries = contestants.SelectMany(e => e.Results.Select(c => c.Library)).Distinct().Order(StringComparer.Ordinal).ToList();
        var pairwise = new Dictionary<(string, string), (Tally Accuracy, Tally Speed)>();
        var standings = new List<ExperimentStanding>();
        foreach (var (experiment, results) in contestants)
        {
            var def = ExperimentCatalog.Find(experiment);
            var reference = results.FirstOrDefault(c => c.IsReference);
            var uncertainty = results.Select(c => c.StoredUncertainty).FirstOrDefault(u => u is not null) ?? def?.ReferenceUncertaintyFor(reference?.Library);
            var accuracy = Outcomes(results, (a, b) => AccuracyComparison.Compare(a, b, uncertainty));
            var speed = Outcomes(results, SpeedComparison.Compare);
            foreach (var ((a, b), outcome) in accuracy)
            {
                var key = (results[a].Library, results[b].Library);
                var t = pairwise.TryGetValue(key, out var found) ? found : (Accuracy: Tally.Zero, Speed: Tally.Zero);
                pairwise[key] = (t.Accuracy.Add(outcome), t.Speed.Add(speed[(a, b)]));
            }
            var metric = results.FirstOrDefault(c => !c.IsReference && c.Metric is not null)?.Metric;
            standings.Add(new ExperimentStanding(experiment, def?.Title, def?.FromFrame ?? "", def?.ToFrame ?? "", reference?.Library, metric,
                results.FirstOrDefault(c => c.Unit is not null && c.Metric == metric)?.Unit,
                uncertainty is null ? null : new UncertaintyBrief(uncertainty.Value, uncertainty.Unit, uncertainty.Metric, uncertainty.Source, uncertainty.Provenance.RunId),
                results.Select((c, i) => Entry(c, i, results, accuracy, speed, uncertainty)).ToList()));
        }
        return new RunScoreboard(run.Summary.Id, AccuracyComparison.TieFactor, libraries, standings,
            Standings(libraries, standings, pairwise), Pairwise(libraries, pairwise));
    }

    /// <summary>Every ordered pair (a, b), a ≠ b, of one experiment's results with its outcome from a's side.</summary>
    private static Dictionary<(int, int), PairOutcome> Outcomes(List<Contestant> results, Func<Contestant, Contestant, PairOutcome> compare)
    {
        var outcomes = new Dictionary<(int, int), PairOutcome>();
        for (var a = 0; a < results.Count; a++)
        {
            for (var b = 0; b < results.Count; b++)
            {
                if (a != b)
                {
                    outcomes[(a, b)] = compare(results[a], results[b]);
                }
            }
        }
        return outcomes;
    }

    private static ScoreboardEntry Entry(Contestant c, int i, List<Contestant> all, Dictionary<(int, int), PairOutcome> accuracy,
        Dictionary<(int, int), PairOutcome> speed, ReferenceUncertainty? uncertainty)
    {
        var within = ReferenceUncertaintyCheck.IsWithin(c.Metric, c.P99, uncertainty) == true;
        var accuracyStatus = c.IsReference ? AccuracyStatuses.Reference
            : !AccuracyComparison.IsRankable(c) ? AccuracyStatuses.NotRanked
            : within ? AccuracyStatuses.WithinReferenceUncertainty
            : AccuracyStatuses.Ranked;
        int? accuracyRank = accuracyStatus == AccuracyStatuses.Ranked ? 1 + Beaten(i, all.Count, accuracy) : null;
        var speedStatus = SpeedComparison.IsRankable(c) ? AccuracyStatuses.Ranked
            : c.MedianNs is not null ? AccuracyStatuses.Invalid
            : AccuracyStatuses.NotRanked;
        int? speedRank = speedStatus == AccuracyStatuses.Ranked ? 1 + Beaten(i, all.Count, speed) : null;
        return new ScoreboardEntry(c.Library, c.Role, c.Outcome, c.Parity, c.P99, accuracyStatus, accuracyRank, c.MedianNs,
            speedStatus, speedRank, speedStatus == AccuracyStatuses.Invalid ? c.PerfInvalidReason : null);
    }

    /// <summary>How many results beat result <paramref name="i"/>.</summary>
    private static int Beaten(int i, int count, Dictionary<(int, int), PairOutcome> outcomes) =>
        Enumerable.Range(0, count).Count(j => j != i && outcomes[(i, j)] == PairOutcome.Loss);

    private static List<LibraryStanding> Standings(List<string> libraries, List<ExperimentStanding> experiments,
        Dictionary<(string, string), (Tally Accuracy, Tally Speed)> pairwise)
    {
        Tally Sum(string lib, Func<(Tally Accuracy, Tally Speed), Tally> pick) =>
            pairwise.Where(kv => kv.Key.Item1 == lib).Aggregate(Tally.Zero, (t, kv) => t.Plus(pick(kv.Value)));
        var tallies = libraries.ToDictionary(l => l, l => (Accuracy: Sum(l, p => p.Accuracy), Speed: Sum(l, p => p.Speed)), StringComparer.Ordinal);
        int RankBy(string lib, Func<(Tally Accuracy, Tally Speed), Tally> pick)
        {
            var net = Net(pick(tallies[lib]));
            return 1 + libraries.Count(o => Net(pick(tallies[o])) > net);
        }
        double? Mean(IEnumerable<int?> ranks) => ranks.OfType<int>().Select(r => (double)r).DefaultIfEmpty(double.NaN).Average() is var m && double.IsFinite(m) ? m : null;
        return libraries.Select(l =>
        {
            var entries = experiments.SelectMany(e => e.Entries.Where(x => x.Library == l)).ToList();
            return new LibraryStanding(l, entries.Count, tallies[l].Accuracy, tallies[l].Speed, RankBy(l, p => p.Accuracy), RankBy(l, p => p.Speed),
                Mean(entries.Select(x => x.AccuracyRank)), Mean(entries.Select(x => x.SpeedRank)));
        }).OrderBy(s => s.AccuracyRank).ThenBy(s => s.SpeedRank).ThenBy(s => s.Library, StringComparer.Ordinal).ToList();
    }

    private static int Net(Tally t) => t.Wins - t.Losses;

    private static List<PairwiseRecord> Pairwise(List<string> libraries, Dictionary<(string, string), (Tally Accuracy, Tally Speed)> pairwise) =>
        (from a in libraries
         from b in libraries
         where a != b && pairwise.ContainsKey((a, b))
         select new PairwiseRecord(a, b, pairwise[(a, b)].Accuracy, pairwise[(a, b)].Speed)).ToList();

    private static int CatalogOrder(string experiment)
    {
        for (var i = 0; i < ExperimentCatalog.All.Count; i++)
        {
            if (ExperimentCatalog.All[i].Id == experiment)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
