namespace AstroBench.Core.Results.Checkpoints;

/// <summary>One planned experiment: its id and its libraries, reference first.</summary>
public sealed record CheckpointExperiment(string Experiment, IReadOnlyList<string> Libraries);
