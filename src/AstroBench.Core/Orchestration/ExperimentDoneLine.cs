namespace AstroBench.Core.Orchestration;

/// <summary><c>[RUN] experiment_done experiment=… status=ok|failed experiments_done=… experiments_total=… | …</c></summary>
public sealed record ExperimentDoneLine(string Experiment, bool Ok, int ExperimentsDone, int ExperimentsTotal, string Message) : ProgressLine(Message);
