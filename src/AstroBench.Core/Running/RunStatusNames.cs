using System.Diagnostics.CodeAnalysis;

namespace AstroBench.Core.Running;

/// <summary>
/// The wire names of <see cref="RunStatus"/> (exit record, <c>[RUN] finish</c>, the server's terminal job
/// states and its <c>paused</c> state). The server's <c>JobStatus</c> constants are defined from these, so the names exist once.
/// </summary>
public static class RunStatusNames
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Paused = "paused";

    public static string ToWire(this RunStatus status) => status switch
    {
        RunStatus.Completed => Completed,
        RunStatus.Failed => Failed,
        RunStatus.Cancelled => Cancelled,
        RunStatus.Paused => Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse([NotNullWhen(true)] string? wire, out RunStatus status)
    {
        switch (wire)
        {
            case Completed:
                status = RunStatus.Completed;
                return true;
            case Failed:
                status = RunStatus.Failed;
                return true;
            case Cancelled:
                status = RunStatus.Cancelled;
                return true;
            case Paused:
                status = RunStatus.Paused;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
