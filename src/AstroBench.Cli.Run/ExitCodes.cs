namespace AstroBench.Cli;

/// <summary>Documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>The results file system filled up mid-run (ENOSPC's number, so it is easy to recall); reason <c>disk_full</c>.</summary>
    public const int DiskFull = 28;
    /// <summary>Paused with a checkpoint (EX_TEMPFAIL: come back later with <c>--resume</c>), docs/checkpoints.md.</summary>
    public const int Paused = 75;
    public const int Interrupted = 130;
    public const int Terminated = 143;
}
