using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Metrics;

/// <summary>Scores one library's outputs against the reference over all cases.</summary>
public static class AccuracyEvaluation
{
    public const int WorstCaseCount = 10;

    /// <summary>The summary plus the per-case primary metric (for the cases file), NaN where not computable.</summary>
    public sealed record Evaluation(AccuracyResult Result, double[] PrimaryPerCase);

    public static Evaluation Evaluate(ExperimentDefinition experiment, InputTable inputs, double[] reference, double[] candidate, IReadOnlyList<string>? providedOutputs)
    {
        var outputs = experiment.OutputColumns;
        var width = outputs.Count;
        var provided = providedOutputs is null ? outputs.ToHashSet() : providedOutputs.ToHashSet();
        var notProvided = outputs.Where(o => !provided.Contains(o)).ToList();
        var scorer = experiment.Scorer;
        var specs = scorer.Metrics;
        var active = specs.Select(s => s.RequiredOutputs.All(provided.Contains)).ToArray();
        var n = inputs.Rows;
        var perMetric = specs.Select((_, i) => active[i] ? new double[n] : []).ToArray();
        var scratch = new double[specs.Count];
        var providedIdx = Enumerable.Range(0, width).Where(c => provided.Contains(outputs[c])).ToArray();
        int nanOutputs = 0, infOutputs = 0;
        for (var i = 0; i < n; i++)
        {
            var cand = candidate.AsSpan(i * width, width);
            foreach (var c in providedIdx)
            {
                if (double.IsNaN(cand[c]))
                {
                    nanOutputs++;
                }
                else if (double.IsInfinity(cand[c]))
                {
                    infOutputs++;
                }
            }
            scorer.Score(inputs.Row(i), reference.AsSpan(i * width, width), cand, scratch);
            for (var m = 0; m < specs.Count; m++)
            {
                if (active[m])
                {
                    perMetric[m][i] = scratch[m];
                }
            }
        }

        var primaryIndex = IndexOf(specs, scorer.PrimaryMetric);
        if (!active[primaryIndex])
        {
            primaryIndex = Array.IndexOf(active, true);
        }
        var primary = primaryIndex >= 0 ? (double[])perMetric[primaryIndex].Clone() : new double[n].Select(_ => double.NaN).ToArray();
        var worst = primaryIndex >= 0 ? WorstCases(primary, inputs, specs[primaryIndex].Name) : [];

        var metrics = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        for (var m = 0; m < specs.Count; m++)
        {
            if (!active[m])
            {
                continue;
            }
            var spec = specs[m];
            var s = DistributionSummary.From(perMetric[m], spec.Signed, spec.ExceedThreshold);
            metrics[spec.Name] = new MetricStats(spec.Unit, spec.Signed, s.Count, s.NanCount, s.Min, s.Max, s.Mean, s.Rms,
                s.P50, s.P90, s.P95, s.P99, s.Bias, spec.ExceedThreshold, s.ExceedCount, spec.ExceedMeaning, spec.SelfCheck);
        }
        var primaryName = primaryIndex >= 0 ? specs[primaryIndex].Name : scorer.PrimaryMetric;
        return new Evaluation(new AccuracyResult(primaryName, metrics, nanOutputs, infOutputs, notProvided, worst), primary);
    }

    private static int IndexOf(IReadOnlyList<MetricSpec> specs, string name)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            if (specs[i].Name == name)
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>The largest |value| cases; a case with no finite value ranks worst of all.</summary>
    private static List<WorstCase> WorstCases(double[] values, InputTable inputs, string metric)
    {
        static double Rank(double v) => double.IsFinite(v) ? Math.Abs(v) : double.PositiveInfinity;
        var heap = new PriorityQueue<int, double>();
        for (var i = 0; i < values.Length; i++)
        {
            var r = Rank(values[i]);
            if (heap.Count < WorstCaseCount)
            {
                heap.Enqueue(i, r);
            }
            else if (heap.TryPeek(out _, out var smallest) && r > smallest)
            {
                heap.DequeueEnqueue(i, r);
            }
        }
        var indices = new List<int>();
        while (heap.TryDequeue(out var i, out _))
        {
            indices.Add(i);
        }
        indices.Reverse();
        return indices.Select(i => new WorstCase(i, metric, values[i],
            inputs.Columns.Select((c, k) => (c, k)).ToDictionary(t => t.c, t => inputs.Row(i)[t.k]))).ToList();
    }
}
