namespace AstroBench.Server.Execution.Slurm;

/// <summary>The Slurm executor's start-up check found the lab root not shared with a node (<see cref="SharedRootCheck"/>): the server does not start.</summary>
public sealed class SharedRootCheckException(string message) : Exception(message);
