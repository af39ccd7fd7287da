using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class SpeedupLabelsTests
{
    private static ExperimentDefinition Def(string id) => ExperimentCatalog.Find(id)!;

    [Fact]
    public void GmstWithoutEra_AtModelParity_IsLabelledModelMismatch_WithWhatIsMissing()
    {
        var label = SpeedupLabels.For(Def("gmst_era"), Parity.ModelParity, ["gmst_rad"], null);

        Assert.Equal(SpeedupLabels.ModelMismatch, label!.Value);
        Assert.Contains("not era_rad", label.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualWork_AtModelParity_HasNoLabel()
    {
        Assert.Null(SpeedupLabels.For(Def("gmst_era"), Parity.ModelParity, null, null));
        Assert.Null(SpeedupLabels.For(Def("gmst_era"), Parity.Reference, null, null));
    }

    [Fact]
    public void MatrixColumns_AreByProducts_NotPartOfTheWorkCompared()
    {
        // A direction transform computed without its optional matrix does the same job per op: transform one direction.
        Assert.Null(SpeedupLabels.For(Def("frame_rotation_bpn"), Parity.ModelParity, ["x", "y", "z"], null));
    }

    [Theory]
    [InlineData(Parity.ModelMismatch)]
    [InlineData(Parity.ExternalReference)]
    public void DifferentModels_AreLabelled(string parity)
    {
        Assert.Equal(SpeedupLabels.ModelMismatch, SpeedupLabels.For(Def("solar_position"), parity, null, null)!.Value);
    }

    [Fact]
    public void FilesWithoutALabel_FallBackToTheirParity()
    {
        Assert.Equal(SpeedupLabels.ModelMismatch, SpeedupLabels.Fallback(null, Parity.ModelMismatch));
        Assert.Null(SpeedupLabels.Fallback(null, Parity.ModelParity));
        Assert.Equal(SpeedupLabels.ModelMismatch, SpeedupLabels.Fallback(SpeedupLabels.ModelMismatch, Parity.ModelParity));
    }
}
