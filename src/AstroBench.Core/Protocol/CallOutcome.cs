namespace AstroBench.Core.Protocol;

/// <summary>Every way one adapter call can end (docs/adapter-protocol.md, "How a call ends").</summary>
public enum CallOutcome
{
    Completed,
    Skipped,
    InvalidOutput,
    NonZeroExit,
    TimedOut,
    Cancelled,
    Unavailable,

    /// <summary>The adapter failed because an allocation was refused under its address-space limit (docs/limits.md).</summary>
    OutOfMemory,
}

public static class CallOutcomeNames
{
    /// <summary>The snake_case name used in result files and logs.</summary>
    public static string ToWire(this CallOutcome outcome) => outcome switch
    {
        CallOutcome.Completed => "completed",
        CallOutcome.Skipped => "skipped",
        CallOutcome.InvalidOutput => "invalid_output",
        CallOutcome.NonZeroExit => "non_zero_exit",
        CallOutcome.TimedOut => "timed_out",
        CallOutcome.Cancelled => "cancelled",
        CallOutcome.Unavailable => "unavailable",
        CallOutcome.OutOfMemory => "out_of_memory",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
