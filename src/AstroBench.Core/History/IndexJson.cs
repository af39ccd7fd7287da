using System.Text.Json;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.History;

/// <summary>How the index stores a run's listing summary: System.Text.Json defaults, which round-trip every member exactly.</summary>
internal static class IndexJson
{
    private static readonly JsonSerializerOptions Options = new();

    public static string SerializeSummary(RunSummary summary) => JsonSerializer.Serialize(summary, Options);

    public static RunSummary DeserializeSummary(string json) => JsonSerializer.Deserialize<RunSummary>(json, Options)!;
}
