using AstroBench.Core.Adapters;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>Which experiments are timed in two parts (docs/engine.md, "Timing in two parts"): those whose every timed library is native code.</summary>
public sealed class TimingPartsPolicyTests
{
    private static AdapterInfo Library(string language) =>
        new(new AdapterManifest("lib-" + language, [1, 7], language, "x", null, null, ["true"], null, null,
            new Dictionary<string, ExperimentSupport>()), "/", true, null);

    [Fact]
    public void OnlyAnExperimentOfNativeLibraries_IsTimedInTwoParts()
    {
        Assert.True(RoundsPolicy.SplitsTiming([Library("c"), Library("c++")]));
        Assert.False(RoundsPolicy.SplitsTiming([Library("c"), Library("python")])); // an interpreter's start-ups are what its rounds cost
        Assert.False(RoundsPolicy.SplitsTiming([Library("javascript")]));
        Assert.False(RoundsPolicy.SplitsTiming([])); // nothing timed
    }
}
