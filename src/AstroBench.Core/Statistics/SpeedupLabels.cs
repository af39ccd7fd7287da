using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Statistics;

/// <summary>
/// Whether a candidate's speedup against the reference compares equal work (docs/engine.md, "Empty-loop cost,
/// warm-up and equal work"). A speedup is labelled <see cref="ModelMismatch"/> when the two libraries implement
/// different models (parity <c>model-mismatch</c> or <c>external-reference</c>) or when the candidate computes only
/// part of the experiment's primary outputs that the reference computes (e.g. GMST without ERA in <c>gmst_era</c>):
/// its op then does less work than the reference's.
/// </summary>
public static class SpeedupLabels
{
    public const string ModelMismatch = "model_mismatch";

    public sealed record Label(string Value, string Reason);

    /// <param name="candidateOutputs">The output columns the candidate declares it computes (null: all).</param>
    /// <param name="referenceOutputs">The same for the reference (null: all).</param>
    public static Label? For(ExperimentDefinition experiment, string parity, IReadOnlyList<string>? candidateOutputs, IReadOnlyList<string>? referenceOutputs)
    {
        switch (parity)
        {
            case Parity.Reference:
                return null;
            case Parity.ModelMismatch:
                return new(ModelMismatch, "different models: the speedup measures a model gap, not only the code");
            case Parity.ExternalReference:
                return new(ModelMismatch, "different models (each scored against an external reference): the speedup compares different computations");
        }
        var primary = experiment.OutputColumns.Take(experiment.CaseOutputCount).ToList();
        bool Computes(IReadOnlyList<string>? outputs, string column) => outputs is null || outputs.Contains(column);
        var missing = primary.Where(c => Computes(referenceOutputs, c) && !Computes(candidateOutputs, c)).ToList();
        return missing.Count == 0 ? null
            : new(ModelMismatch, $"computes {string.Join(", ", primary.Where(c => Computes(candidateOutputs, c)))} but not {string.Join(", ", missing)}: less work per op than the reference");
    }

    /// <summary>The label of a result file that has none (written before labels existed): a model-mismatch parity.</summary>
    public static string? Fallback(string? label, string? parity) =>
        label ?? (parity == Parity.ModelMismatch ? ModelMismatch : null);
}
