using AstroBench.Core.Experiments;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Ranking;

/// <summary>
/// The all-pairs accuracy matrix of an experiment from its cases.parquet: each pair (A, B) is scored with the
/// experiment's own scorer, A in the reference's seat, over the per-case outputs (the first
/// <see cref="ExperimentDefinition.CaseOutputCount"/> columns). The primary metric's |value| is symmetric for every
/// scorer of the catalog (an angle between directions, a wrapped difference), so one entry per unordered pair.
/// </summary>
public static class PairsMatrix
{
    /// <summary>The matrix, or null when the experiment is not in the catalog or the run has no cases.parquet for it.</summary>
    public static async Task<ExperimentPairs?> ComputeAsync(string experimentDirectory, ExperimentDefinition def, IReadOnlyList<string> libraries,
        CancellationToken ct = default)
    {
        var path = Path.Combine(experimentDirectory, CasesFiles.ParquetName);
        if (!File.Exists(path))
        {
            return null;
        }
        var (columns, values) = await CasesParquetFile.ReadAllAsync(path, ct);
        var byName = columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        var scorer = def.Scorer;
        var primary = scorer.Metrics.Select((m, i) => (m, i)).First(t => t.m.Name == scorer.PrimaryMetric);
        var caseOutputs = def.OutputColumns.Take(def.CaseOutputCount).ToList();
        var inputIdx = def.InputColumns.Select(c => byName[c]).ToArray();
        var present = libraries.Where(l => caseOutputs.All(o => byName.ContainsKey($"{l}.{o}"))
            && values[byName[$"{l}.{caseOutputs[0]}"]].Any(double.IsFinite)).ToList();
        var outputs = present.ToDictionary(l => l, l => caseOutputs.Select(o => values[byName[$"{l}.{o}"]]).ToArray(), StringComparer.Ordinal);

        var rows = values.Length == 0 ? 0 : values[0].Length;
        var pairs = new List<PairDistance>();
        var input = new double[inputIdx.Length];
        var a = new double[def.OutputColumns.Count];
        var b = new double[def.OutputColumns.Count];
        var scratch = new double[scorer.Metrics.Count];
        for (var i = 0; i < present.Count; i++)
        {
            for (var j = i + 1; j < present.Count; j++)
            {
                ct.ThrowIfCancellationRequested();
                var distances = new List<double>(rows);
                for (var r = 0; r < rows; r++)
                {
                    for (var k = 0; k < inputIdx.Length; k++)
                    {
                        input[k] = values[inputIdx[k]][r];
                    }
                    Array.Fill(a, double.NaN);
                    Array.Fill(b, double.NaN);
                    for (var c = 0; c < caseOutputs.Count; c++)
                    {
                        a[c] = outputs[present[i]][c][r];
                        b[c] = outputs[present[j]][c][r];
                    }
                    scorer.Score(input, a, b, scratch);
                    if (double.IsFinite(scratch[primary.i]))
                    {
                        distances.Add(Math.Abs(scratch[primary.i]));
                    }
                }
                distances.Sort();
                pairs.Add(new PairDistance(present[i], present[j], distances.Count,
                    Percentiles.OfSorted(distances.ToArray(), 0.99), distances.Count > 0 ? distances[^1] : double.NaN));
            }
        }
        return new ExperimentPairs(def.Id, primary.m.Name, primary.m.Unit, present, pairs);
    }
}
