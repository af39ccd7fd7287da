using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution;

/// <summary>Either the new job, or the job that is already active.</summary>
internal sealed record StartResult(JobRow? Job, string? ActiveJobId, string? ActiveStatus);
