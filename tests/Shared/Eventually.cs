using System.Diagnostics;

namespace AstroBench.Tests.Shared;

/// <summary>
/// Waits on a fact, never on the clock: checks <c>condition</c> every few milliseconds and fails only
/// after a generous bound, so a slow or loaded machine makes a test slower, never red. Shared by
/// the test projects (linked into each, see their .csproj).
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(60);

    public static Task True(Func<bool> condition, string what, TimeSpan? bound = null) =>
        True(() => Task.FromResult(condition()), what, bound);

    /// <summary>The same for a condition that must ask something (an HTTP endpoint, a file) asynchronously.</summary>
    public static async Task True(Func<Task<bool>> condition, string what, TimeSpan? bound = null)
    {
        var limit = bound ?? DefaultBound;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"not within {limit.TotalSeconds:0} s: {what}");
            }
            await Task.Delay(20);
        }
    }
}
