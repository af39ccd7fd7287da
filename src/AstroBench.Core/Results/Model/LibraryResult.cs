using System.Text.Json.Serialization;
using AstroBench.Core.Experiments;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Results.Model;

/// <summary>
/// <c>&lt;experiment&gt;/&lt;library&gt;.json</c> (schema <c>astrobench.result/1</c>, docs/run-folder.md).
/// <see cref="ReferenceUncertainty"/> and <see cref="WithinReferenceUncertainty"/> (docs/scoreboard.md) are null when the
/// experiment's reference has no measured uncertainty; the verdict is null for the reference itself.
/// </summary>
public sealed record LibraryResult(
    string Schema,
    string Experiment,
    string Library,
    string Role,
    string Reference,
    string? Model,
    string? ReferenceModel,
    string Parity,
    string? Conventions,
    string Outcome,
    string? OutcomeDetail,
    DatasetInfo Dataset,
    AccuracyResult? Accuracy,
    PerformanceSummary? Performance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CachedOutputs? Cached = null,
    ReferenceUncertainty? ReferenceUncertainty = null,
    bool? WithinReferenceUncertainty = null)
{
    public const string SchemaId = "astrobench.result/1";
}

/// <summary>The outputs were not computed in this run but taken from the reference cache (docs/engine.md).</summary>
public sealed record CachedOutputs(string SourceRun, string Key);

public sealed record DatasetInfo(
    int N,
    long Seed,
    int EdgeCases,
    string Fingerprint,
    IReadOnlyList<string> InputColumns,
    IReadOnlyList<string> OutputColumns);

public sealed record AccuracyResult(
    string PrimaryMetric,
    IReadOnlyDictionary<string, MetricStats> Metrics,
    int NanOutputs,
    int InfOutputs,
    IReadOnlyList<string> NotProvided,
    IReadOnlyList<WorstCase> WorstCases);

public sealed record MetricStats(
    string Unit,
    bool Signed,
    int Count,
    int NanCount,
    double Min,
    double Max,
    double Mean,
    double Rms,
    double P50,
    double P90,
    double P95,
    double P99,
    double? Bias,
    double? ExceedThreshold,
    int? ExceedCount,
    string? ExceedMeaning,
    bool SelfCheck);

public sealed record WorstCase(int Index, string Metric, double Value, IReadOnlyDictionary<string, double> Inputs);
