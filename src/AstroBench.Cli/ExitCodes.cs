namespace AstroBench.Cli;

/// <summary>Documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>Paused with a checkpoint (EX_TEMPFAIL: come back later with <c>--resume</c>), docs/checkpoints.md.</summary>
    public const int Paused = 75;
    public const int Interrupted = 130;
    public const int Terminated = 143;
}
