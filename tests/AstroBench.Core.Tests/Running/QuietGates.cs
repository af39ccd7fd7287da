using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>A contention gate that has seen just enough samples of 20 ns/op to have that as its level.</summary>
internal static class QuietGates
{
    public const double Level = 20.0;

    public static ContentionGate New()
    {
        var gate = new ContentionGate();
        for (var i = 0; i < ContentionGate.MinSamples; i++)
        {
            gate.Observe(Level);
        }
        return gate;
    }
}
