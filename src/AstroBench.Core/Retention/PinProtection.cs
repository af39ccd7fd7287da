namespace AstroBench.Core.Retention;

/// <summary>Protection by pins alone: what the CLI knows without a server (see docs/retention.md).</summary>
public sealed class PinProtection(RunPins pins) : IRunProtection
{
    public IReadOnlySet<string> ProtectedIds() => pins.All();

    public bool IsProtected(string runId) => pins.IsPinned(runId);
}
