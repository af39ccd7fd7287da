namespace AstroBench.Server.Scheduling;

/// <summary>
/// The schedules' own clock, so that a test can drive schedules with a fake clock while the rest of the
/// server (dispatcher, monitors, retention) keeps the real one.
/// </summary>
internal sealed class ScheduleClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();
}
