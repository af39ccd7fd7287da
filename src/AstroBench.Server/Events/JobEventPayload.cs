using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Events;

/// <summary>The data of a job event: the job as the API shows it (<see cref="JobDto"/>, snake_case, UTC "Z" times).</summary>
internal static class JobEventPayload
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new Core.Results.UtcTimestampJsonConverter() },
    };

    public static JsonObject Of(JobRow row) => new()
    {
        ["job"] = JsonSerializer.SerializeToNode(JobDto.From(row), Json),
    };
}
