using AstroBench.Core.Experiments;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

public sealed class CancelGraceTests
{
    private static readonly TimeSpan Heavy = TimeSpan.FromSeconds(ExperimentCatalog.Find("frame_rotation_bpn")!.CancelGraceSeconds!.Value);

    [Fact]
    public void HeavyExperiment_RaisesAShortRequestToItsOwnGrace() =>
        Assert.Equal(Heavy, CancelGrace.Effective(TimeSpan.FromSeconds(0.5), "frame_rotation_bpn"));

    [Fact]
    public void LongerRequest_WinsOverTheExperiment() =>
        Assert.Equal(Heavy + TimeSpan.FromSeconds(1), CancelGrace.Effective(Heavy + TimeSpan.FromSeconds(1), "frame_rotation_bpn"));

    [Theory]
    [InlineData("gmst_era")]
    [InlineData("not_an_experiment")]
    [InlineData(null)]
    public void WithoutAnExperimentGrace_TheRequestStands(string? experiment) =>
        Assert.Equal(TimeSpan.FromSeconds(0.5), CancelGrace.Effective(TimeSpan.FromSeconds(0.5), experiment));

    [Fact]
    public void Kill_HasNoGraceWhateverTheExperiment() =>
        Assert.Equal(TimeSpan.Zero, CancelGrace.Effective(TimeSpan.FromSeconds(2), "frame_rotation_bpn", kill: true));

    [Fact]
    public void Catalog_GivesTheHeavySeriesALongerGrace()
    {
        Assert.True(Heavy > TimeSpan.FromSeconds(2), "longer than the global default of 2 s");
        Assert.All(ExperimentCatalog.All.Where(e => e.Id.EndsWith("_position", StringComparison.Ordinal) && e.Id is not ("solar_position" or "lunar_position")),
            e => Assert.Equal(Heavy.TotalSeconds, e.CancelGraceSeconds));
        Assert.Null(ExperimentCatalog.Find("gmst_era")!.CancelGraceSeconds);
    }
}
