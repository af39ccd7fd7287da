using AstroBench.Core.Baselines;

namespace AstroBench.Server.Baselines;

/// <summary>One baseline as <c>/api/baselines</c> answers it (docs/ci.md).</summary>
public sealed record BaselineDto(string Testbed, string? TestbedLabel, string RunId, DateTimeOffset SetAt)
{
    public static BaselineDto From(Baseline b, string? label) => new(b.Testbed, label, b.RunId, b.SetAt);
}
