using System.Text.Json;

namespace AstroBench.Server.Queue;

/// <summary>Body of PATCH /api/benchmark/jobs/{id}: the new priority of a queued job.</summary>
public sealed record PatchJobRequest(JsonElement? Priority);
