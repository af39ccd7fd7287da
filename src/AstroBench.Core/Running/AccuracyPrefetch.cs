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
    private readonly List<Task> _started = [];

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
                var task = Task.Run(() => _stage(experiment, token), token);
                _tasks[j] = task;
                _started.Add(task);
            }
        }
        var taken = _tasks[index] ?? throw new InvalidOperationException("experiment taken twice");
        _tasks[index] = null;
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        foreach (var task in _started)
        {
            try
            {
                await task;
            }
            catch (Exception)
            {
                // Dropped work: its outcome no longer matters (the run paused, failed or was cancelled).
            }
        }
        _cts.Dispose();
    }
}
