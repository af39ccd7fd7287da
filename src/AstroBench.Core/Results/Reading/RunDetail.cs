using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>
/// A run: its summary, its manifest as written (null when absent), one row per library result, the
/// library JSONs themselves per experiment (reference first) and which experiments have a summary.md.
/// </summary>
public sealed record RunDetail(
    RunSummary Summary,
    JsonElement? Manifest,
    IReadOnlyList<ResultRow> Rows,
    IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Results,
    IReadOnlyDictionary<string, bool> ExperimentReports);
