namespace AstroBench.Server.Execution;

/// <summary>What the executor knows of a job's end beyond its exit record: who stopped it (timeout, Slurm's reason) and an OOM kill.</summary>
internal sealed record ExecutorEnd(string? StoppedBy, bool OomKilled);
