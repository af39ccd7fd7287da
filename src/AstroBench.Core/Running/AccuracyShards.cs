namespace AstroBench.Core.Running;

/// <summary>
/// How a large accuracy request of a persistent (protocol 2) adapter is split into contiguous shards, so that the
/// <c>--jobs</c> slots share one experiment's heavy call instead of one core computing it alone (docs/engine.md).
/// </summary>
public static class AccuracyShards
{
    /// <summary>
    /// The default smallest shard (<c>--shard-rows</c>). Below it a shard's fixed costs (request header, an adapter's
    /// per-request set-up such as a Python library's array construction) stop being small next to its compute; above
    /// it even the lightest experiments (about 3 µs per case in C) make shards of 15 ms or more.
    /// </summary>
    public const int DefaultMinRows = 5_000;

    /// <summary>Shards per concurrent slot at most: with two per slot a slot that finishes early finds another shard
    /// of the same call instead of idling until the slowest one ends; more would only add requests.</summary>
    public const int ShardsPerJob = 2;

    /// <summary>
    /// The smallest shard of a C or C++ adapter while <c>--shard-rows</c> is larger. A native shard costs one fork of the
    /// already started adapter and a request frame (well under a millisecond), so even n = 1,000 is worth splitting: the
    /// IAU 2000A experiments cost erfa 60–110 ms per 1,000 cases, which otherwise ran on one core while the other idled.
    /// </summary>
    public const int NativeMinRows = 500;

    /// <summary>The smallest shard for an adapter written in <paramref name="language"/> (its manifest's <c>language</c>).</summary>
    public static int MinRowsFor(string language, int shardRows) =>
        RoundsPolicy.IsNative(language) ? Math.Min(shardRows, NativeMinRows) : shardRows;

    /// <summary>
    /// The shards of a request of <paramref name="rows"/> cases: as many as whole <paramref name="minRows"/> fit, at most
    /// <see cref="ShardsPerJob"/> × <paramref name="jobs"/>, as even as possible (the first ones one case longer), in
    /// case order. One shard (the whole request) with one job or <paramref name="minRows"/> 0 (sharding off).
    /// </summary>
    public static IReadOnlyList<CaseRange> Plan(int rows, int jobs, int minRows)
    {
        var count = jobs < 2 || minRows <= 0 ? 1 : Math.Clamp(rows / minRows, 1, ShardsPerJob * jobs);
        var ranges = new CaseRange[count];
        var (size, extra) = Math.DivRem(rows, count);
        var first = 0;
        for (var i = 0; i < count; i++)
        {
            var length = size + (i < extra ? 1 : 0);
            ranges[i] = new CaseRange(first, length);
            first += length;
        }
        return ranges;
    }
}
