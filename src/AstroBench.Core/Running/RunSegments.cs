using AstroBench.Core.Adapters;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// The segments of a run (docs/checkpoints.md): those closed by earlier pauses, and the one this process
/// runs. A manifest's wall time and adapter-call totals add up every segment, so a paused and resumed run
/// reports the work it did, not the time it spent paused.
/// </summary>
public sealed class RunSegments(DateTimeOffset runStartedAt, DateTimeOffset currentStartedAt, IReadOnlyList<RunSegment> closed, int priorCalls, double priorCallSeconds)
{
    public DateTimeOffset RunStartedAt { get; } = runStartedAt;

    /// <summary>The index of the segment this process runs (0 for a run's first process).</summary>
    public int Index => closed.Count;

    public static RunSegments First(DateTimeOffset startedAt) => new(startedAt, startedAt, [], 0, 0);

    public static RunSegments After(Checkpoint checkpoint, DateTimeOffset now) =>
        new(checkpoint.StartedAt, now, checkpoint.Segments, checkpoint.AdapterCalls, checkpoint.AdapterCallsS);

    /// <summary>Every segment, the current one closed now for <paramref name="reason"/> (<see cref="RunSegmentReasons"/>).</summary>
    public IReadOnlyList<RunSegment> Close(string reason, DateTimeOffset now) => [.. closed, new RunSegment(currentStartedAt, now, reason)];

    public int Calls(AdapterProcessRunner processes) => priorCalls + processes.Calls;

    public double CallSeconds(AdapterProcessRunner processes) => priorCallSeconds + processes.TotalCallTime.TotalSeconds;

    public RunTiming Timing(AdapterProcessRunner processes, DateTimeOffset now)
    {
        var wall = closed.Sum(s => (s.StoppedAt - s.StartedAt).TotalSeconds) + (now - currentStartedAt).TotalSeconds;
        var inAdapters = CallSeconds(processes);
        return new RunTiming(wall, inAdapters, Calls(processes), wall - inAdapters);
    }
}
