namespace AstroBench.Core.Running;

/// <summary>
/// Which values of a native round the machine was contended in (docs/engine.md, "Contended values"), from the protocol 7
/// probe chunks the adapter timed inside the same process, one before its first value and one after each value. The
/// machine's contended spells begin and end within milliseconds, and a 10–15 ms process can be half in one: a probe
/// process before and after a cycle saw the cycle's edges, not the values. A value is contended when either chunk beside
/// it is: the chunks are about 0.2 ms, the values about 3 ms, so a spell that touches a value most often touches a chunk.
/// The chunks have their own run-level gate (<paramref name="gate"/>): warm inside a process of library code, their level
/// is not the probe process's.
/// </summary>
public static class ContendedValues
{
    /// <summary>Ops of one probe chunk: about 0.2 ms on the machine this was tuned on (the kernel runs about 20 ns/op),
    /// so that four chunks cost a C process of 12–15 ms well under a tenth of it.</summary>
    public const long ProbeOps = 10_000;

    /// <summary>Adds the chunks (<paramref name="probeNs"/>, ns each, <paramref name="values"/> + 1 of them) to the gate,
    /// then judges each value: true where the chunk before it or after it was contended. Before the gate has a level
    /// (its first samples of the run), no value is contended.</summary>
    public static bool[] Judge(ContentionGate gate, IReadOnlyList<long> probeNs, int values)
    {
        if (probeNs.Count != values + 1)
        {
            throw new ArgumentException($"{probeNs.Count} probe chunks for {values} values (expected {values + 1})", nameof(probeNs));
        }
        var perOp = probeNs.Select(ns => (double)ns / ProbeOps).ToArray();
        foreach (var sample in perOp)
        {
            gate.Observe(sample);
        }
        var contended = new bool[values];
        for (var v = 0; v < values; v++)
        {
            contended[v] = gate.IsContended(perOp[v]) || gate.IsContended(perOp[v + 1]);
        }
        return contended;
    }
}
