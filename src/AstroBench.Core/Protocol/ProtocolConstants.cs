namespace AstroBench.Core.Protocol;

/// <summary>Adapter protocol v1 to v7 (docs/adapter-protocol.md).</summary>
public static class ProtocolConstants
{
    public const string Magic = "ABP";
    public const int Version = 1;
    public const string HeaderLine = "ABP 1";
    public const string End = "end";

    /// <summary>Version 2: a persistent process serving framed accuracy requests (docs/adapter-protocol.md).</summary>
    public const int Version2 = 2;
    public const string HeaderLineV2 = "ABP 2";

    /// <summary>
    /// Version 3: perf answers carry the empty-loop cost and the warm-up actually done, and accept
    /// <c>warmup auto</c> (steady-state warm-up). Messages keep their v1/v2 magic lines (docs/adapter-protocol.md).
    /// </summary>
    public const int Version3 = 3;

    /// <summary>The <c>warmup</c> value asking a v3 adapter to warm up until a steady state (docs/engine.md).</summary>
    public const string WarmupAuto = "auto";

    /// <summary>Perf answer fields a v3 adapter must send (besides the v1 ones).</summary>
    public const string EmptyLoopField = "empty_loop_ns_per_op";
    public const string WarmupOpsField = "warmup_ops";
    public const string WarmupSteadyField = "warmup_steady";

    /// <summary>
    /// Version 4 (needs 3): a perf request may say <c>values V</c>: V timed values of <c>ops</c> ops each, back to back
    /// after one warm-up, reported in <c>values_ns</c> (docs/adapter-protocol.md, "Version 4").
    /// </summary>
    public const int Version4 = 4;
    public const string ValuesKey = "values";
    public const string ValuesNsField = "values_ns";

    /// <summary>
    /// Version 5 (needs 4): a perf request may say <c>ops auto</c>: the process pilots itself (grows its op count until
    /// one call lasts <c>pilot_target_ns</c>), sizes one value by the value rule (<c>value_target_ns</c>) and reports the
    /// pilot in <c>pilot_ops</c> and <c>pilot_ns</c> (docs/adapter-protocol.md, "Version 5").
    /// </summary>
    public const int Version5 = 5;
    public const string OpsAuto = "auto";
    public const string PilotTargetKey = "pilot_target_ns";
    public const string ValueTargetKey = "value_target_ns";
    public const string PilotOpsField = "pilot_ops";
    public const string PilotNsField = "pilot_ns";

    /// <summary>
    /// Version 6: started with <see cref="ReadyEnvironment"/>=1 in its environment, the adapter writes <see cref="ReadyLine"/>
    /// on stdout after its imports and before it reads stdin, so the lab can start a cycle's timing processes together and
    /// time them one by one once every start-up is over (docs/adapter-protocol.md, "Version 6"; docs/engine.md, "Pre-started
    /// timing processes"). Without the variable it behaves as before: no ready line.
    /// </summary>
    public const int Version6 = 6;
    public const string ReadyEnvironment = "ASTROBENCH_READY";
    public const string ReadyLine = "ABP ready";

    /// <summary>
    /// Version 7 (needs 4): a perf request may say <c>probe_ops P</c>: the adapter times P ops of the machine-speed probe's
    /// kernel (adapters/common/probe_kernel.h) before its first value and after each value, and lists those V + 1 chunks'
    /// ns in <c>probe_ns</c>, so that each value can be judged by the machine's state on both sides of it
    /// (docs/adapter-protocol.md, "Version 7"; docs/engine.md, "Contended values").
    /// </summary>
    public const int Version7 = 7;
    public const string ProbeOpsKey = "probe_ops";
    public const string ProbeNsField = "probe_ns";

    /// <summary>The most ops one probe chunk may ask for (about 25 ms).</summary>
    public const long MaxProbeOps = 1_000_000;

    /// <summary>The most values one perf request may ask for.</summary>
    public const int MaxValues = 100;

    /// <summary>Perf requests carry at most this many sample cases; the adapter cycles through them.</summary>
    public const int MaxPerfCases = 1024;
}
