using System.Text.Json;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// Body of POST /api/benchmark/jobs: the start request's fields plus the queue's (and preemption's, docs/pause.md). <c>priority</c> is read as raw
/// JSON so that a non-integer gets a 422 with a field message instead of a binder 400.
/// </summary>
public sealed record EnqueueJobRequest(
    List<string>? Experiments,
    List<string>? Libraries,
    int? N,
    long? Seed,
    int? PerfRounds,
    bool? NoPerf,
    bool? CiMode,
    string? Notes,
    JsonElement? Priority,
    string? ConcurrencyKey,
    bool? CancelInProgress,
    bool? Preempt = null,
    string? PreemptMode = null,
    string? CpuSet = null,
    int? Nice = null,
    int? MemoryMb = null,
    int? TimeoutS = null,
    string? Executor = null,
    string? Partition = null,
    string? Constraint = null,
    int? MaxPerfRounds = null,
    double? PerfCvTargetPercent = null,
    double? PerfBudgetSeconds = null)
{
    internal StartJobRequest ToStart() =>
        new(Experiments, Libraries, N, Seed, PerfRounds, NoPerf, CiMode, Notes, CpuSet, Nice, MemoryMb, TimeoutS, Executor, Partition, Constraint,
            MaxPerfRounds, PerfCvTargetPercent, PerfBudgetSeconds);
}
