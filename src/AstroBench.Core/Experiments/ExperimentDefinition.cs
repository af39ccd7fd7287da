using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;

namespace AstroBench.Core.Experiments;

/// <summary>One experiment: what it computes, its input/output columns, how inputs are made and how outputs are scored.</summary>
public sealed record ExperimentDefinition(
    string Id,
    string Title,
    string Family,
    string Description,
    IReadOnlyList<string> OutputColumns,
    IInputGenerator Generator,
    IScorer Scorer)
{
    public IReadOnlyList<string> InputColumns => Generator.Columns;

    /// <summary>
    /// How many leading output columns go into the cases file: optional bulk outputs such as a 3×3
    /// matrix are scored but not written per case, to keep the file proportionate.
    /// </summary>
    public int CaseOutputCount { get; init; } = OutputColumns.Count;

    /// <summary>
    /// The cancel grace this experiment needs at least (null: the global default is enough). Heavy
    /// per-call work (long nutation or planetary series on an interpreter) can keep an adapter busy past
    /// the default before it reaches its SIGTERM handler; see <see cref="Running.CancelGrace"/>.
    /// </summary>
    public double? CancelGraceSeconds { get; init; }

    /// <summary>The frame (or quantity) the inputs are in, for the FROM × TO frame-pair view (docs/scoreboard.md).</summary>
    public string FromFrame { get; init; } = "";

    /// <summary>The frame (or quantity) the outputs are in.</summary>
    public string ToFrame { get; init; } = "";

    /// <summary>How far this experiment's reference can be trusted, as measured (null: not measured yet).</summary>
    public ReferenceUncertainty? ReferenceUncertainty => ReferenceUncertaintyTable.Find(Id);

    /// <summary>
    /// The measured uncertainty when <paramref name="reference"/> is the library it was measured for; null otherwise (a run
    /// whose reference is another library — its usual one not installed — has no stated uncertainty).
    /// </summary>
    public ReferenceUncertainty? ReferenceUncertaintyFor(string? reference) =>
        ReferenceUncertainty is { } u && u.Provenance.Reference == reference ? u : null;
}
