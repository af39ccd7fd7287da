namespace AstroBench.Core.Running;

/// <summary>The request cannot run as given (bad input): the CLI exits 2 with this message.</summary>
public sealed class RunPlanException(string message) : Exception(message);
