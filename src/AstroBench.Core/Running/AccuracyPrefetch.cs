namespace AstroBench.Core.Running;

/// <summary>
/// Starts the accuracy stage of the next <c>window</c> experiments ahead of the one being finished, so the
/// cores stay busy while results are scored and written in plan order. With timing on the window is 1: no
/// accuracy call ever runs beside a timing round. Disposing cancels and awaits whatever is still running
/// (at a pause or a failure that work is dropped; nothing of it was written).
/// </summary>
public sealed class AccuracyPrefetch : IAsyncDisposable
{
    private readonly IReadOnlyList<PlannedExperiment> _experiments;
    private readonly Func<PlannedExperiment, CancellationToken, Task<AccuracySet>> _stage;
    private readonly int _window;
    private readonly CancellationTokenSource _cts;
    private readonly Task<AccuracySet>?[] _tasks;
    private readonly bool[] _begun;

    // One settled-or-not marker per started stage, holding no results: a finished experiment's arrays must not
    // stay reachable from here for the rest of the run.
    private readonly List<Task> _settled = [];

    public AccuracyPrefetch(IReadOnlyList<PlannedExperiment> experiments, Func<PlannedExperiment, CancellationToken, Task<AccuracySet>> stage,
        int window, CancellationToken ct)
    {
        _experiments = experiments;
        _stage = stage;
        _window = Math.Max(1, window);
        _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _tasks = new Task<AccuracySet>?[experiments.Count];
        _begun = new bool[experiments.Count];
    }

    /// <summary>The accuracy set of experiment <paramref name="index"/> (of the list given), starting it and the window after it.</summary>
    public Task<AccuracySet> Take(int index)
    {
        for (var j = index; j < Math.Min(_experiments.Count, index + _window); j++)
        {
            if (!_begun[j])
            {
                _begun[j] = true;
                var experiment = _experiments[j];
                var token = _cts.Token;
                // Called here, in plan order and on this thread: the stage reserves its calls' slots before it returns
                // (AccuracyStage.RunAsync) and does its work on the thread pool.
                var task = _stage(experiment, token);
                _tasks[j] = task;
                _settled.Add(SettleAsync(task));
            }
        }
        var taken = _tasks[index] ?? throw new InvalidOperationException("experiment taken twice");
        _tasks[index] = null;
        return taken;
    }

    /// <summary>Completes when the stage and every call it started have ended, whatever way.</summary>
    private static async Task SettleAsync(Task<AccuracySet> stage)
    {
        try
        {
            var set = await stage;
            foreach (var call in set.Calls)
            {
                try
                {
                    await call;
                }
                catch (Exception)
                {
                    // Dropped or failed: the experiment's runner reports what matters.
                }
            }
        }
        catch (Exception)
        {
            // A stage cancelled before it started (pause, failure, cancel).
        }
    }

    /// <summary>Cancels what is still running, ahead or not yet awaited (a failed reference leaves its candidates running), and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await Task.WhenAll(_settled);
        _cts.Dispose();
    }
}
