using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>Every library JSON of one experiment in one run (reference first), plus its summary.md.</summary>
public sealed record ExperimentResults(string RunId, string Experiment, IReadOnlyList<JsonElement> Results, string? SummaryMarkdown);
