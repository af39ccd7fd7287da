using AstroBench.Core.Results;
using AstroBench.Core.Results.Checkpoints;

namespace AstroBench.Core.Running;

/// <summary>A checkpoint claimed by this process and checked against the lab as it is now: ready to continue.</summary>
public sealed record ResumePoint(RunStaging Staging, Checkpoint Checkpoint, RunOptions Options, RunPlan Plan, IReadOnlyList<CheckpointAdapter> Adapters);
