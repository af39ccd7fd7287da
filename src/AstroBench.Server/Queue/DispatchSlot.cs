namespace AstroBench.Server.Queue;

/// <summary>A job as the dispatch policy sees it: its resource class and concurrency key.</summary>
internal sealed record DispatchSlot(string Id, string ResourceClass, string? ConcurrencyKey);
