using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// One library's accuracy call made of several shard requests (<see cref="AccuracyShards"/>), each through
/// <see cref="AccuracyCalls"/> (so each takes a <c>--jobs</c> slot and a persistent session of its own), joined in case
/// order into the result one request would have given: the same outputs, or the failure of the first shard in case order
/// that failed, named by its shard and cases (docs/engine.md, "Shards").
/// </summary>
public static class ShardedAccuracyCall
{
    public static async Task<AdapterCallResult> CallAsync(AccuracyCalls calls, AdapterInfo adapter, AdapterRequest request,
        IReadOnlyList<CaseRange> shards, IReadOnlyList<SlotTicket> tickets, int width, CancellationToken ct)
    {
        // One token per shard. A failed shard stops only the shards after it: their answers can no longer decide the
        // result, while one before it still can (its own failure would come first in case order). So the failure
        // reported never depends on which shard happened to run first.
        var stops = shards.Select(_ => CancellationTokenSource.CreateLinkedTokenSource(ct)).ToArray();
        // Every shard parses its rows straight into its part of the one outputs array: no second copy of tens of MB.
        var outputs = new double[checked(request.RowCount * width)];
        try
        {
            async Task<AdapterCallResult> ShardAsync(int i)
            {
                AdapterCallResult result;
                try
                {
                    var part = request with { FirstRow = request.FirstRow + shards[i].First, RowCount = shards[i].Count };
                    result = await calls.CallAsync(adapter, part, width, new ArraySegment<double>(outputs, shards[i].First * width, shards[i].Count * width), tickets[i], stops[i].Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Stopped while waiting for a slot, because an earlier shard failed: never reported.
                    result = AdapterCallResult.Failed(CallOutcome.Cancelled, "stopped: an earlier shard failed", TimeSpan.Zero);
                }
                if (result.Outcome is not (CallOutcome.Completed or CallOutcome.Skipped))
                {
                    foreach (var later in stops.Skip(i + 1))
                    {
                        await later.CancelAsync();
                    }
                }
                return result;
            }

            var results = await Task.WhenAll(Enumerable.Range(0, shards.Count).Select(ShardAsync));
            return Join(results, shards, outputs, width);
        }
        finally
        {
            foreach (var stop in stops)
            {
                stop.Dispose();
            }
        }
    }

    /// <summary>The shards' results as one call's: <paramref name="outputs"/> in case order (a shard that answered into an
    /// array of its own is copied in), durations summed.</summary>
    internal static AdapterCallResult Join(IReadOnlyList<AdapterCallResult> results, IReadOnlyList<CaseRange> shards, double[] outputs, int width)
    {
        var elapsed = TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks));
        var failed = Enumerable.Range(0, results.Count).FirstOrDefault(i => results[i].Outcome is not (CallOutcome.Completed or CallOutcome.Skipped), -1);
        if (failed >= 0)
        {
            var r = results[failed];
            return r with { Detail = Name(failed, shards) + ": " + r.Detail, Elapsed = elapsed };
        }
        var skipped = Enumerable.Range(0, results.Count).FirstOrDefault(i => results[i].Outcome == CallOutcome.Skipped, -1);
        if (skipped >= 0)
        {
            // A skip is the library's answer for the experiment: the same reason from every shard is one call's skip.
            return results.All(r => r.Outcome == CallOutcome.Skipped && r.Detail == results[0].Detail)
                ? results[0] with { Elapsed = elapsed }
                : AdapterCallResult.Failed(CallOutcome.InvalidOutput,
                    $"{Name(skipped, shards)} was skipped ({results[skipped].Detail}) but other cases were answered", elapsed, results[skipped].Stderr);
        }
        for (var i = 0; i < results.Count; i++)
        {
            if (!ReferenceEquals(results[i].Outputs, outputs))
            {
                results[i].Outputs!.AsSpan().CopyTo(outputs.AsSpan(shards[i].First * width, shards[i].Count * width));
            }
        }
        var stderr = string.Concat(results.Select(r => r.Stderr));
        return new AdapterCallResult(CallOutcome.Completed, null, outputs, width, null, elapsed,
            stderr.Length <= AdapterProcessRunner.StderrLimit ? stderr : stderr[..AdapterProcessRunner.StderrLimit]);
    }

    private static string Name(int shard, IReadOnlyList<CaseRange> shards) => string.Create(CultureInfo.InvariantCulture,
        $"shard {shard + 1} of {shards.Count} (cases {shards[shard].First}–{shards[shard].End - 1})");
}
