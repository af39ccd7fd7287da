namespace AstroBench.Core.Orchestration;

/// <summary><c>[PROGRESS] experiment=… step=… current=… total=… | …</c>: step <see cref="Current"/> of <see cref="Total"/> of one experiment.</summary>
public sealed record StepLine(string Experiment, string Step, int Current, int Total, string Message) : ProgressLine(Message);
