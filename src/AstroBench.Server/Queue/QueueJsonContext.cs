using System.Text.Json.Serialization;
using AstroBench.Core.Results;

namespace AstroBench.Server.Queue;

/// <summary>
/// Source-generated serializer of the queue listing (the server's JSON rules: snake_case names, <see cref="UtcTimestampJsonConverter"/>),
/// so a 1,000-entry answer is written without reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(UtcTimestampJsonConverter)])]
[JsonSerializable(typeof(List<QueueEntryDto>))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
