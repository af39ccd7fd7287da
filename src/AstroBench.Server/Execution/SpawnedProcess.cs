namespace AstroBench.Server.Execution;

/// <summary>Identity of a spawned orchestrator: pid = pgid (its own session), plus its start time from /proc.</summary>
internal sealed record SpawnedProcess(int Pid, int Pgid, long StartTicks);
