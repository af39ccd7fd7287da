using AstroBench.Core.Adapters;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The pre-started timing processes of one experiment (docs/engine.md, "Pre-started timing processes"). At the start of a
/// cycle <see cref="FillAsync"/> starts, all at once, the processes its protocol 6 libraries lack and waits until every
/// one has written its ready line, so the interpreters' start-ups run side by side on the machine's cores and none of
/// them overlaps a timed round. An interpreted library is given a process for each of its rounds that is certain (the
/// planned ones left), so its start-ups are spread over the cores in as few waits as possible; a native one (C, C++:
/// a start-up of milliseconds) only this cycle's. Never more than <see cref="Limit"/> idle processes in all (memory: an
/// idle astropy holds ≈ 63 MB, node ≈ 45-50 MB): over it, the largest counts give way first. Disposing kills every
/// process not handed out.
/// </summary>
public sealed class TimingProcesses(AdapterProcessRunner runner, TimeSpan readyTimeout) : IAsyncDisposable
{
    /// <summary>The most idle processes held at once.</summary>
    public const int Limit = 16;

    /// <summary>
    /// Diagnostics only (scripts/bench-timing.sh's comparison, docs/engine.md): <c>ASTROBENCH_PRESTART=0</c> in the
    /// orchestrator's environment starts every round's process just in time, as before protocol 6. Read once.
    /// </summary>
    private static readonly bool Disabled = Environment.GetEnvironmentVariable("ASTROBENCH_PRESTART") == "0";

    private readonly Dictionary<int, Queue<PrestartedProcess>> _idle = [];

    /// <summary>Processes started so far.</summary>
    public int Started { get; private set; }

    /// <summary>The most idle processes held at once so far.</summary>
    public int PeakIdle { get; private set; }

    /// <summary>One library of a cycle: its index, adapter, and how many of its rounds are certain from here (≥ 1: this cycle's).</summary>
    public sealed record Want(int Library, AdapterInfo Adapter, int CertainRounds);

    /// <summary>Starts what the cycle's protocol 6 libraries lack and waits for all of them; the first library whose process was not ready, or null.</summary>
    public async Task<(int Library, AdapterCallResult Failure)?> FillAsync(IReadOnlyList<Want> wants, CancellationToken ct)
    {
        var lacking = wants.Where(w => !Disabled && w.Adapter.Manifest.SpeaksV6 && Count(w.Library) == 0).ToList();
        var counts = Counts(lacking, Limit - _idle.Values.Sum(q => q.Count));
        var starting = new List<(int Library, PrestartedProcess? Process)>();
        for (var w = 0; w < lacking.Count; w++)
        {
            for (var k = counts[w]; k > 0; k--)
            {
                starting.Add((lacking[w].Library, PrestartedProcess.Start(runner, lacking[w].Adapter, ct)));
            }
        }
        Started += starting.Count;
        var ready = await Task.WhenAll(starting.Select(s => s.Process is null ? Task.FromResult<AdapterCallResult?>(null) : s.Process.WaitReadyAsync(readyTimeout)));
        (int, AdapterCallResult)? failed = null;
        for (var k = 0; k < starting.Count; k++)
        {
            var (library, process) = starting[k];
            if (process is null)
            {
                failed ??= (library, AdapterCallResult.Failed(CallOutcome.Unavailable, "the run command could not be started", TimeSpan.Zero));
                continue;
            }
            if (!_idle.TryGetValue(library, out var queue))
            {
                _idle[library] = queue = new Queue<PrestartedProcess>();
            }
            queue.Enqueue(process); // a failed one too: disposed with the rest
            if (ready[k] is { } failure)
            {
                failed ??= (library, runner.Settle(failure));
            }
        }
        PeakIdle = Math.Max(PeakIdle, _idle.Values.Sum(q => q.Count));
        return failed;
    }

    /// <summary>A ready process for <paramref name="library"/> (the caller disposes it after its round), or null: start one just in time.</summary>
    public PrestartedProcess? Take(int library) =>
        _idle.TryGetValue(library, out var queue) && queue.TryDequeue(out var process) ? process : null;

    /// <summary>How many to start for each lacking library: its certain rounds (1 for native code), the largest cut first while over <paramref name="room"/>; at least 1 each.</summary>
    internal static int[] Counts(IReadOnlyList<Want> lacking, int room)
    {
        var counts = lacking.Select(w => RoundsPolicy.IsNative(w.Adapter.Manifest.Language) ? 1 : Math.Max(1, w.CertainRounds)).ToArray();
        while (counts.Sum() > Math.Max(room, lacking.Count) && counts.Max() > 1)
        {
            counts[Array.LastIndexOf(counts, counts.Max())]--; // the last of the largest: plan order keeps its extra
        }
        return counts;
    }

    private int Count(int library) => _idle.TryGetValue(library, out var queue) ? queue.Count : 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _idle.Values.SelectMany(q => q))
        {
            await process.DisposeAsync();
        }
        _idle.Clear();
    }
}
