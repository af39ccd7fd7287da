using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>A run: its summary, its manifest as written (null when absent) and one row per library result.</summary>
public sealed record RunDetail(RunSummary Summary, JsonElement? Manifest, IReadOnlyList<ResultRow> Rows);
