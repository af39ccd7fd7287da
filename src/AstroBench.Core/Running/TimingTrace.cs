using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// With <c>ASTROBENCH_TRACE=1</c>, one line per library after an experiment's timing: the timing processes it started
/// (pilots and rounds), their summed wall time and the part of it inside timed values; <c>scripts/bench-timing.sh</c> sums
/// them per library (docs/engine.md, "The pilot inside the first round"). Nothing is counted when the trace is off.
/// </summary>
internal sealed class TimingTrace(int libraries)
{
    private readonly int[] _pilots = new int[libraries];
    private readonly int[] _rounds = new int[libraries];
    private readonly double[] _callS = new double[libraries];
    private readonly double[] _timedS = new double[libraries];
    private double _fillS;

    public static long Start() => RunTrace.Enabled ? Stopwatch.GetTimestamp() : 0;

    public void Pilot(int library, int calls, long started)
    {
        if (RunTrace.Enabled)
        {
            _pilots[library] += calls;
            _callS[library] += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
    }

    public void Round(int library, long started, PerfMeasurement perf)
    {
        if (RunTrace.Enabled)
        {
            _rounds[library]++;
            _callS[library] += Stopwatch.GetElapsedTime(started).TotalSeconds;
            _timedS[library] += perf.TotalNs / 1e9;
        }
    }

    /// <summary>A cycle's wait for its pre-started processes' ready lines (their start-ups, side by side).</summary>
    public void Fill(long started)
    {
        if (RunTrace.Enabled)
        {
            _fillS += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
    }

    public void Write(string experiment, IReadOnlyList<AdapterInfo> adapters, int prestarted, int peakIdle)
    {
        if (RunTrace.Enabled && prestarted > 0)
        {
            // A pre-started round's "s in calls" is its exchange only; its start-up is in this line's wait.
            RunTrace.Mark(string.Create(CultureInfo.InvariantCulture,
                $"timing {experiment} prestart: {prestarted} processes started ahead, peak {peakIdle} idle, {_fillS:0.000} s waiting for ready lines"));
        }
        for (var i = 0; RunTrace.Enabled && i < adapters.Count; i++)
        {
            RunTrace.Mark(string.Create(CultureInfo.InvariantCulture,
                $"timing {experiment} {adapters[i].Name}: {_pilots[i] + _rounds[i]} processes ({_pilots[i]} pilot), {_callS[i]:0.000} s in calls, {_timedS[i]:0.000} s timed"));
        }
    }
}
