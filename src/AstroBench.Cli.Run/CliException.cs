namespace AstroBench.Cli;

/// <summary>Bad input or environment: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
