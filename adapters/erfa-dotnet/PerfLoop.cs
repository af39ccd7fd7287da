using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>
/// Perf mode (docs/adapter-protocol.md): warm-up, the timed loop, then the same loop with an empty body, whose cost per
/// op is reported (protocol 3). Every timing goes through <see cref="TimedPass"/>, so all are timed the same way.
/// </summary>
internal static unsafe class PerfLoop
{
    // Steady-state warm-up ("warmup auto"; docs/engine.md): chunks of ceil(ops / 20) ops, each timed; steady once the
    // last 3 chunk times are within 2 % of each other (max - min <= 2 % of min); at most 10 chunks and at most half the
    // timed ops (⌊ops / (2 chunk)⌋ chunks, at least one). The same numbers as adapters/common/abp.c.
    private const int WarmupChunksPerLoop = 20;
    private const int WarmupMaxChunks = 10;
    private const int WarmupWindow = 3;
    private const double WarmupTolerance = 0.02;

    // Protocol 4 ("values V"): the most timed values one perf process gives (as abp.c).
    private const int MaxValues = 100;

    public static int Run(Experiment e, Protocol.Request request, StreamWriter stdout)
    {
        var cases = new double[request.Cases * e.Inputs];
        for (var i = 0; i < request.Cases; i++)
        {
            var row = request.Rows.ReadLine();
            if (row is null || !Protocol.TryParseRow(row, cases.AsSpan(i * e.Inputs, e.Inputs)))
            {
                Protocol.WriteStatus(stdout, "error", $"bad input row {i + 1}");
                return 0;
            }
        }
        if (request.Cases < 1 || request.Ops < 1)
        {
            Protocol.WriteStatus(stdout, "error", "perf needs at least one case and ops >= 1");
            return 0;
        }
        if (request.Values is < 1 or > MaxValues)
        {
            Protocol.WriteStatus(stdout, "error", $"values must be 1 to {MaxValues}");
            return 0;
        }
        if (request.Auto is { } targets && (targets.PilotNs < 1 || targets.ValueNs < 1))
        {
            Protocol.WriteStatus(stdout, "error", "ops auto needs positive pilot_target_ns and value_target_ns");
            return 0;
        }
        var output = new double[e.Outputs];
        var sink = 0.0;
        var valueTicks = new long[request.Values ?? 1];
        long emptyTicks, warmupOps, pilotOps = 0, pilotNs = 0;
        bool steady;
        fixed (double* pcases = cases, pout = output)
        {
            var pass = new Pass(pcases, request.Cases, e.Inputs, e.Fold, pout);
            if (request.Auto is { } auto)
            {
                // Protocol 5: this process is its own pilot, and sizes one value by the orchestrator's rule.
                (pilotOps, pilotNs) = Pilot(e.Compute, pass, auto.PilotNs, ref sink);
                request = request with { Ops = ValueRule.OpsFor((double)pilotNs / pilotOps, request.Cases, auto.ValueNs) };
            }
            // The timed loop follows its own warm-up; the empty loop comes after, warmed up the same way.
            (warmupOps, steady) = WarmUp(e.Compute, pass, request, ref sink);
            sink = 0.0;
            // Protocol 4: the values are timed back to back after the one warm-up; the empty loop runs once.
            for (var v = 0; v < valueTicks.Length; v++)
            {
                valueTicks[v] = TimedPass(e.Compute, pass, request.Ops, ref sink);
            }
            WarmUp(&Empty, pass, request, ref sink);
            emptyTicks = TimedPass(&Empty, pass, request.Ops, ref sink);
        }
        var nsPerTick = 1e9 / Stopwatch.Frequency;
        var valueNs = valueTicks.Select(t => Math.Max(1, (long)(t * nsPerTick))).ToArray();
        var totalNs = valueNs.Sum();
        var resNs = Math.Max(1, (long)Math.Round(nsPerTick));
        var emptyNsPerOp = emptyTicks * nsPerTick / request.Ops;
        var steadyLine = request.Auto is null ? "" : string.Create(CultureInfo.InvariantCulture, $"pilot_ops {pilotOps}\npilot_ns {pilotNs}\n");
        steadyLine += request.WarmupAuto ? $"warmup_steady {(steady ? 1 : 0)}\n" : "";
        if (request.Values is not null)
        {
            steadyLine += "values_ns " + string.Join(' ', valueNs.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "\n";
        }
        stdout.Write(string.Create(CultureInfo.InvariantCulture,
            $"ABP 1\nstatus ok\ntotal_ns {totalNs}\nops {request.Ops * valueNs.Length}\nsink {sink:R}\nclock_res_ns {resNs}\nempty_loop_ns_per_op {emptyNsPerOp:R}\nwarmup_ops {warmupOps}\n{steadyLine}end\n"));
        stdout.Flush();
        return 0;
    }

    /// <summary>The cases of one request and the output buffer every pass folds from.</summary>
    private readonly struct Pass(double* cases, int count, int inputs, int fold, double* output)
    {
        public double* Cases { get; } = cases;
        public int Count { get; } = count;
        public int Inputs { get; } = inputs;
        public int Fold { get; } = fold;
        public double* Output { get; } = output;
    }

    /// <summary>The empty body of the empty loop, called through a function pointer exactly as a compute is.</summary>
    private static void Empty(double* input, double* output)
    {
    }

    private static (long Ops, bool Steady) WarmUp(delegate*<double*, double*, void> compute, Pass pass, Protocol.Request request, ref double sink)
    {
        if (!request.WarmupAuto)
        {
            TimedPass(compute, pass, request.Warmup, ref sink);
            return (request.Warmup, false);
        }
        var chunk = (request.Ops + WarmupChunksPerLoop - 1) / WarmupChunksPerLoop;
        var limit = chunk > 0 ? (int)Math.Clamp(request.Ops / (2 * chunk), 1, WarmupMaxChunks) : WarmupMaxChunks;
        var times = new long[WarmupMaxChunks];
        for (var c = 0; c < limit; c++)
        {
            times[c] = TimedPass(compute, pass, chunk, ref sink);
            if (c + 1 < WarmupWindow)
            {
                continue;
            }
            var window = times.AsSpan(c + 1 - WarmupWindow, WarmupWindow);
            var lo = long.MaxValue;
            var hi = long.MinValue;
            foreach (var t in window)
            {
                lo = Math.Min(lo, t);
                hi = Math.Max(hi, t);
            }
            if (hi - lo <= WarmupTolerance * lo)
            {
                return (chunk * (c + 1), true);
            }
        }
        return (chunk * limit, false);
    }

    /// <summary>The pilot of protocol 5: from one op, × max(2, ⌈target / ns⌉) until one pass lasts <paramref name="targetNs"/>; the last pass's ops and ns.</summary>
    private static (long Ops, long Ns) Pilot(delegate*<double*, double*, void> compute, Pass pass, long targetNs, ref double sink)
    {
        var nsPerTick = 1e9 / Stopwatch.Frequency;
        for (long ops = 1; ; )
        {
            var ns = Math.Max(1, (long)(TimedPass(compute, pass, ops, ref sink) * nsPerTick));
            if (ns >= targetNs || ops >= ValueRule.MaxOps)
            {
                return (ops, ns);
            }
            ops = Math.Min(ValueRule.MaxOps, ops * Math.Max(2, (targetNs + ns - 1) / ns));
        }
    }

    /// <summary>One timed pass: <paramref name="ops"/> calls cycling through the cases (wrap-around compare, no modulo); returns Stopwatch ticks.</summary>
    private static long TimedPass(delegate*<double*, double*, void> compute, Pass pass, long ops, ref double sink)
    {
        var acc = 0.0;
        var row = pass.Cases;
        var index = 0;
        var start = Stopwatch.GetTimestamp();
        for (long k = 0; k < ops; k++)
        {
            compute(row, pass.Output);
            for (var c = 0; c < pass.Fold; c++)
            {
                acc += pass.Output[c];
            }
            if (++index == pass.Count)
            {
                index = 0;
                row = pass.Cases;
            }
            else
            {
                row += pass.Inputs;
            }
        }
        var elapsed = Stopwatch.GetTimestamp() - start;
        sink += acc;
        return elapsed;
    }
}
