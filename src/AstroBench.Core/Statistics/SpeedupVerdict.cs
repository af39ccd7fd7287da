namespace AstroBench.Core.Statistics;

/// <summary>
/// The wire values of <c>speedup_verdict</c> (docs/run-folder.md): whether the bootstrap interval of
/// the speedup lies above 1, below 1, or contains 1.
/// </summary>
public static class SpeedupVerdict
{
    public const string Faster = "faster";
    public const string Slower = "slower";
    public const string Indistinguishable = "indistinguishable";

    /// <summary>The verdict of an interval of "reference median / this median".</summary>
    public static string Of(double ciLow, double ciHigh) =>
        ciLow > 1.0 ? Faster : ciHigh < 1.0 ? Slower : Indistinguishable;
}
