namespace AstroBench.Core.Running;

/// <summary>The wire names of <see cref="RoundsStop"/>, defined once.</summary>
public static class RoundsStopNames
{
    public static string ToWire(this RoundsStop stop) => stop switch
    {
        RoundsStop.Planned => "planned",
        RoundsStop.Stable => "stable",
        RoundsStop.MaxRounds => "max_rounds",
        RoundsStop.Budget => "budget",
        RoundsStop.Precise => "precise",
        _ => throw new ArgumentOutOfRangeException(nameof(stop), stop, null),
    };

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<RoundsStop>().Select(s => s.ToWire()).ToArray();
}
