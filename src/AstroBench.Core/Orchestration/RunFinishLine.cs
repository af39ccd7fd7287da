using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary><c>[RUN] finish status=… run_id=…|- experiments_done=… experiments_total=… | …</c>: the last line of a run.</summary>
public sealed record RunFinishLine(RunStatus Status, string? RunId, int ExperimentsDone, int ExperimentsTotal, string Message) : ProgressLine(Message);
