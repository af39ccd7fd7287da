using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// One entry of <c>GET /api/benchmark/queue</c> (docs/queue.md): a compact projection of a queued job, what the queue
/// panel shows (position, priority, class, estimate, key, config). The queue endpoint is AstroBench's own, so its entries
/// need not carry every job field; the full job is <c>GET /api/benchmark/jobs/{id}</c>.
/// </summary>
public sealed record QueueEntryDto(
    string JobId,
    string Status,
    DateTimeOffset CreatedAt,
    JobConfigDto Config,
    int Priority,
    string? ConcurrencyKey,
    string ResourceClass,
    bool Preempt,
    string? Checkpoint,
    int QueuePosition,
    DateTimeOffset? EstimatedStartAt)
{
    internal static QueueEntryDto From(JobRow row, QueueEntry place) =>
        new(row.Id, row.Status, row.CreatedAt, JobConfigDto.From(row.Config, row.Notes), row.Priority, row.ConcurrencyKey,
            Queue.ResourceClass.Of(row.Config), row.Preempt is not null, row.Checkpoint, place.Position, place.EstimatedStartAt);
}
