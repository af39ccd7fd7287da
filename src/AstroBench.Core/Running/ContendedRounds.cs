using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// One experiment's contended cycles (docs/engine.md, "Contended cycles"), for native libraries only: their rounds are
/// short (a process of about 15 ms), so a round judged contended can be taken again cheaply, and their medians are the
/// ones the 3 % reproducibility target is about. Before a cycle of native libraries only, a contended probe is taken
/// again (the rounds wait for the machine) up to <see cref="MaxRetakesPerCycle"/> times and within the experiment's
/// retake limit; after the cycle, the next probe judges its rounds: contended, the native rounds are discarded and taken
/// again (at most a library's planned rounds over the experiment), otherwise they stand. Once a limit is reached, rounds
/// stand whatever the probe said and are counted as contended, so that timing always ends; the caller is told which
/// (<see cref="CycleVerdict"/>, <see cref="ValuesVerdict"/>, <see cref="Ran"/>), and leaves them out of the statistics
/// (<see cref="StandingRounds"/>; docs/engine.md, "Contended rounds left out"). A cycle with another runtime in
/// it is not judged, and its rounds all stand: an interpreter's fresh process costs 0.1–0.7 s to start, its pre-started
/// processes would idle while the cycle waited, and its rounds put seconds between a native round and the next probe.
/// A protocol 7 round is judged by its own values instead (<see cref="JudgeValues"/>; docs/engine.md, "Contended values"),
/// in any cycle, since its witness, the probe chunks beside each value, is inside its process.
/// </summary>
internal sealed class ContendedRounds
{
    /// <summary>At most this many probes are taken again before one cycle (about 5 ms each).</summary>
    public const int MaxRetakesPerCycle = 20;

    private readonly ContentionGate? gate;
    private readonly bool[] native;
    private readonly int[] maxDiscarded;
    private readonly TimeSpan retakeLimit;
    private readonly bool[] pending;
    private readonly List<double>[] discarded;
    private readonly int[] contended;
    private readonly int[] judged;
    private readonly int[] judgedValues;
    private readonly int[] contendedValues;
    private readonly ContentionGate? valueGate;
    private bool judgedCycle;
    private int retakesThisCycle;

    /// <param name="native">Per library (plan order), whether its rounds are judged.</param>
    /// <param name="maxDiscarded">Per library, the most rounds it may have discarded over the experiment.</param>
    /// <param name="retakeLimit">The most time the experiment's probes may be taken again in.</param>
    /// <param name="valueGate">The run's gate for in-process probe chunks (protocol 7; <see cref="ContendedValues"/>); null: values are not judged.</param>
    public ContendedRounds(ContentionGate? gate, IReadOnlyList<bool> native, IReadOnlyList<int> maxDiscarded, TimeSpan retakeLimit,
        ContentionGate? valueGate = null)
    {
        this.gate = gate is not null && !ContentionGate.Disabled ? gate : null;
        this.valueGate = this.gate is not null ? valueGate : null;
        judgedValues = new int[native.Count];
        contendedValues = new int[native.Count];
        this.native = [.. native];
        this.maxDiscarded = [.. maxDiscarded];
        this.retakeLimit = retakeLimit;
        pending = new bool[native.Count];
        discarded = native.Select(_ => new List<double>()).ToArray();
        contended = new int[native.Count];
        judged = new int[native.Count];
    }

    public bool HasPending => pending.Any(p => p);

    /// <summary>The ops of one in-process probe chunk to ask <paramref name="library"/>'s rounds for (a protocol 7 adapter
    /// takes them; others ignore the figure), or null when its values are not judged.</summary>
    public long? ProbeOpsFor(int library) => valueGate is not null && native[library] ? ContendedValues.ProbeOps : null;

    /// <summary>
    /// <paramref name="library"/>'s round came with in-process probe chunks (<paramref name="probeNs"/>): judges its values
    /// (<see cref="ContendedValues"/>) and returns which to keep, or null when the round is to be discarded and taken again
    /// (every value contended, and the library's discard limit not reached; the caller hands its sample to
    /// <see cref="Discarded"/>). Once the limit is reached, or when <paramref name="mayDiscard"/> is false (the experiment's
    /// timing budget is spent), such a round keeps all its values and stands contended (<see cref="ValuesVerdict.Contended"/>).
    /// A round judged here never waits for the next probe process.
    /// </summary>
    public ValuesVerdict? JudgeValues(int library, IReadOnlyList<long> probeNs, int values, bool mayDiscard = true)
    {
        var contendedNow = ContendedValues.Judge(valueGate!, probeNs, values);
        var count = contendedNow.Count(c => c);
        judged[library]++;
        judgedValues[library] += values;
        if (count < values)
        {
            contendedValues[library] += count;
            return new ValuesVerdict(contendedNow.Select(c => !c).ToArray(), false);
        }
        if (mayDiscard && discarded[library].Count < maxDiscarded[library])
        {
            contendedValues[library] += count;
            return null;
        }
        contended[library]++;
        return new ValuesVerdict(Enumerable.Repeat(true, values).ToArray(), true);
    }

    /// <summary>A protocol 7 round's verdict: the values its sample is the median of, and whether it stands although every
    /// value was contended (a limit was reached; docs/engine.md, "Contended rounds left out").</summary>
    public sealed record ValuesVerdict(bool[] Kept, bool Contended);

    /// <summary>The probe after a cycle judged its pending rounds: the libraries whose last round is to be discarded, and
    /// those whose last round stands although the probe said contended (a limit was reached), each in plan order.</summary>
    public sealed record CycleVerdict(IReadOnlyList<int> Discard, IReadOnlyList<int> Contended);

    /// <summary>A cycle of <paramref name="cycle"/>'s libraries begins: it is judged (waited for, its rounds judged by the
    /// next probe) when all of them are native.</summary>
    public void BeginCycle(IReadOnlyList<int> cycle)
    {
        judgedCycle = gate is not null && cycle.All(i => native[i]);
        retakesThisCycle = 0;
    }

    /// <summary>Whether to probe the current cycle again, its probe so far reading <paramref name="before"/>; each true answer counts as one retake.</summary>
    public bool ShouldRetake(double? before, TimeSpan retakeSpent)
    {
        var retake = judgedCycle && before is { } ns && gate!.IsContended(ns) && retakesThisCycle < MaxRetakesPerCycle && retakeSpent < retakeLimit;
        retakesThisCycle += retake ? 1 : 0;
        return retake;
    }

    /// <summary><paramref name="library"/> timed a round after the probe read <paramref name="before"/>: it awaits the next probe,
    /// or, when the machine was still contended (the wait gave up), it stands contended: then true.</summary>
    public bool Ran(int library, double? before)
    {
        if (!judgedCycle)
        {
            return false;
        }
        judged[library]++;
        if (before is { } ns && gate!.IsContended(ns))
        {
            contended[library]++;
            return true;
        }
        pending[library] = true;
        return false;
    }

    /// <summary>
    /// The probe after the last cycle read <paramref name="after"/> (null: no sample): which pending rounds are to be
    /// discarded and which stand contended. The caller removes the discarded rounds and hands their samples to
    /// <see cref="Discarded"/>. With <paramref name="mayDiscard"/> false (the experiment's timing budget is spent) contended
    /// rounds stand contended.
    /// </summary>
    public CycleVerdict Judge(double? after, bool mayDiscard = true)
    {
        var discard = new List<int>();
        var stood = new List<int>();
        var wasContended = gate is not null && after is { } ns && gate.IsContended(ns);
        for (var i = 0; i < pending.Length; i++)
        {
            if (!pending[i])
            {
                continue;
            }
            pending[i] = false;
            if (!wasContended)
            {
                continue;
            }
            if (mayDiscard && discarded[i].Count < maxDiscarded[i])
            {
                discard.Add(i);
            }
            else
            {
                contended[i]++;
                stood.Add(i);
            }
        }
        return new CycleVerdict(discard, stood);
    }

    public void Discarded(int library, double sampleNs) => discarded[library].Add(sampleNs);

    /// <summary>What happened to <paramref name="library"/>'s rounds; null when its rounds were not judged.</summary>
    public RoundsContention? RecordOf(int library, int gateWaits) => gate is null || !native[library]
        ? null
        : new RoundsContention(ContentionGate.ThresholdPercent, gate.Level, judged[library], discarded[library].Count, [.. discarded[library]], contended[library], gateWaits,
            judgedValues[library], contendedValues[library], judgedValues[library] > 0 ? valueGate!.Level : null)
        {
            RememberedLevelNs = gate.RememberedLevel,
            RememberedValueLevelNs = judgedValues[library] > 0 ? valueGate!.RememberedLevel : null,
        };
}
