using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>
/// An <c>ops auto</c> perf request (protocol 5, docs/adapter-protocol.md): the process grows its op count until one call
/// lasts <paramref name="PilotTargetNs"/>, then sizes one value to <paramref name="ValueTargetNs"/> by the value rule
/// (<see cref="Running.PerfOps"/>), instead of the orchestrator's separate pilot processes.
/// </summary>
public sealed record PerfAuto(long PilotTargetNs, long ValueTargetNs)
{
    /// <summary>What follows <c>ops</c> in the request: <c>auto</c> and the two target lines.</summary>
    public string HeaderLines => string.Create(CultureInfo.InvariantCulture,
        $"{ProtocolConstants.OpsAuto}\n{ProtocolConstants.PilotTargetKey} {PilotTargetNs}\n{ProtocolConstants.ValueTargetKey} {ValueTargetNs}");
}
