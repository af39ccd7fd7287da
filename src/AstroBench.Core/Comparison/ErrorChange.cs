namespace AstroBench.Core.Comparison;

/// <summary>
/// Whether an error figure moved beyond a tolerance: +1 when <c>b</c> is worse (larger) than <c>a</c> by more than
/// <c>relative·a + absolute</c>, −1 when better by more than <c>relative·b + absolute</c>, else 0. Shared by the
/// compare view (loose, for noisy eyes) and the CI gate (a float tolerance: accuracy is deterministic).
/// </summary>
public static class ErrorChange
{
    public static int Of(double a, double b, double relative, double absolute) =>
        b > a * (1 + relative) + absolute ? 1
        : a > b * (1 + relative) + absolute ? -1
        : 0;
}
