using AstroBench.Core.Running;

namespace AstroBench.Core.Results.Model;

/// <summary>The closed set of <see cref="RunSegment.Reason"/> values.</summary>
public static class RunSegmentReasons
{
    /// <summary>Paused at an experiment boundary (SIGUSR1, <c>mode=boundary</c>).</summary>
    public const string Paused = "paused";

    /// <summary>Paused at once (SIGUSR2, <c>mode=now</c>): the experiment in flight is redone on resume.</summary>
    public const string PausedNow = "paused-now";

    /// <summary>The last segment: the run finished and was published.</summary>
    public const string Completed = "completed";

    public static IReadOnlyList<string> All { get; } = [Paused, PausedNow, Completed];

    public static string Of(PauseMode mode) => mode == PauseMode.Now ? PausedNow : Paused;
}
