using AstroBench.Core.History;
using AstroBench.Core.Inputs;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Testbeds;

namespace AstroBench.HistoryBench;

/// <summary>
/// Index rows of realistic runs without writing 2.3 million result files: each run has every experiment × library
/// (one accuracy metric each, performance with 5 round samples), its folder holds only a manifest (the index's sync
/// compares folder names; the rows stand for the files).
/// </summary>
internal static class SyntheticIndex
{
    public static string Experiment(int e) => $"exp_{e:00}";

    public static string Library(int l) => $"lib{l}";

    public static IndexedRun Run(int i, int experiments, int libraries, Testbed testbed, SeededRandom random)
    {
        var id = AstroBench.Tests.Shared.SyntheticRuns.Id(i);
        var results = new List<IndexedResult>(experiments * libraries);
        for (var e = 0; e < experiments; e++)
        {
            for (var l = 0; l < libraries; l++)
            {
                var level = 20 + 10 * l + e;
                var median = level * (1 + 0.02 * (random.NextDouble() - 0.5));
                var samples = Enumerable.Range(0, 5).Select(_ => median * (1 + 0.004 * (random.NextDouble() - 0.5))).ToList();
                var error = 1e-3 * (l + 1);
                results.Add(new IndexedResult(Experiment(e), Library(l), l == 0 ? "reference" : "candidate", "model-parity", "completed",
                    "sha256:" + e.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), $"{Library(l)} 1.{i / 2000}",
                    $"{Library(l)}-adapter 1.0.0; {Library(l)} 1.{i / 2000}", "error_arcsec", "arcsec",
                    [new MetricStats("error_arcsec", "arcsec", error / 2, error * 0.9, error, error / 2, error / 1.5, null, 1000, 0)],
                    new PerfFigures(median, samples.Min(), samples.Max(), 0.9375, 0.5, true, null, 5, samples)));
            }
        }
        var summary = new RunSummary(id, DateTimeOffset.Parse(id[..10] + "T" + id[11..].Replace('-', ':'), System.Globalization.CultureInfo.InvariantCulture),
            "bench", Enumerable.Range(0, experiments).Select(Experiment).ToList(), Enumerable.Range(0, libraries).Select(Library).ToList(),
            results.Count, true, RunLayout.Manifest, new Dictionary<string, string> { ["astrobench"] = $"{i:x40}" }, true);
        return new IndexedRun(summary, testbed.Key, testbed, summary.Timestamp, $"{i:x40}", false, 4_000_000 + i, results);
    }
}
