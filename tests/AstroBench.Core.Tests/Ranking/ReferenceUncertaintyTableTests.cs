using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using static AstroBench.Core.Tests.Ranking.Contestants;

namespace AstroBench.Core.Tests.Ranking;

public sealed class ReferenceUncertaintyTableTests
{
    [Fact]
    public void EveryEntry_IsForACatalogExperiment_AndItsPrimaryMetric_WithProvenance()
    {
        Assert.NotEmpty(ReferenceUncertaintyTable.All);
        foreach (var (id, u) in ReferenceUncertaintyTable.All)
        {
            var def = ExperimentCatalog.Find(id);
            Assert.NotNull(def);
            Assert.Equal(def.Scorer.PrimaryMetric, u.Metric);
            Assert.Equal(def.Scorer.Metrics.Single(m => m.Name == u.Metric).Unit, u.Unit);
            Assert.True(u.Value > 0 && double.IsFinite(u.Value), id);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d+)?$", u.Provenance.RunId);
            Assert.Same(u, def.ReferenceUncertainty);
        }
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var entries = new Dictionary<string, ReferenceUncertainty> { ["frame_bias"] = Uncertainty(4.58e-8) };
        var back = ReferenceUncertaintyTable.Parse(ReferenceUncertaintyTable.Format(entries)).Experiments["frame_bias"];
        Assert.Equal(4.58e-8, back.Value);
        Assert.Equal(entries["frame_bias"].Provenance, back.Provenance);
        Assert.Equal(entries["frame_bias"].Ranges, back.Ranges);
    }

    [Fact]
    public void Parse_AnotherSchema_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => ReferenceUncertaintyTable.Parse("""{"schema":"other/1","experiments":{}}"""));
    }

    [Theory]
    [InlineData("model-mismatch", "IAU 1980 nutation")]
    [InlineData("external-reference", "VSOP87 (truncated)")]
    [InlineData("external-reference", null)]
    public async Task Measure_ACandidateThatCannotMeasureTheReference_IsRefused(string parity, string? model)
    {
        var candidate = new ReferenceUncertaintyMeasurer.Candidate("x", parity, "swisseph", "separation_arcsec", "arcsec", model);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ReferenceUncertaintyMeasurer.MeasureAsync("/nonexistent", candidate, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task Measure_AJplIntegration_PassesTheGuard()
    {
        var candidate = new ReferenceUncertaintyMeasurer.Candidate("casacore", "external-reference", "swisseph", "separation_arcsec", "arcsec", "JPL DE405 (casacore MeasJPL)");
        // Past the guard, it reads the cases file: none here.
        await Assert.ThrowsAnyAsync<IOException>(() =>
            ReferenceUncertaintyMeasurer.MeasureAsync(Path.Combine(Path.GetTempPath(), "no-such-experiment-dir"), candidate, "2026-01-01_00-00-00", "s", new DateOnly(2026, 1, 1)));
    }
}
