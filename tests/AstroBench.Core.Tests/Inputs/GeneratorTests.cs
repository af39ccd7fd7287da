using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;

namespace AstroBench.Core.Tests.Inputs;

public sealed class GeneratorTests
{
    public static TheoryData<string> ExperimentIds() => new(ExperimentCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(ExperimentIds))]
    public void SameNAndSeed_GiveIdenticalInputs_AndFingerprint(string id)
    {
        var gen = ExperimentCatalog.Find(id)!.Generator;
        var a = gen.Generate(500, 7);
        var b = gen.Generate(500, 7);

        Assert.Equal(a.Values, b.Values);
        Assert.Equal(DatasetFingerprint.Compute(id, a), DatasetFingerprint.Compute(id, b));
    }

    [Theory]
    [MemberData(nameof(ExperimentIds))]
    public void AnotherSeed_ChangesRandomCases_ButKeepsEdgeCases(string id)
    {
        var gen = ExperimentCatalog.Find(id)!.Generator;
        var a = gen.Generate(500, 7);
        var b = gen.Generate(500, 8);

        Assert.NotEqual(DatasetFingerprint.Compute(id, a), DatasetFingerprint.Compute(id, b));
        Assert.True(a.EdgeCases > 0);
        for (var i = 0; i < a.EdgeCases; i++)
        {
            Assert.Equal(a.Row(i).ToArray(), b.Row(i).ToArray());
        }
        Assert.NotEqual(a.Row(a.EdgeCases).ToArray(), b.Row(b.EdgeCases).ToArray());
    }

    [Fact]
    public void FewerCasesThanEdgeCases_TakesTheFirstEdgeCases()
    {
        var table = new FrameRotationInputs().Generate(2, 1);

        Assert.Equal(2, table.Rows);
        Assert.Equal(2, table.EdgeCases);
        Assert.Equal([Epochs.J2000, 1, 0, 0], table.Row(0).ToArray());
    }

    [Fact]
    public void EdgeCases_Include_J2000_1900_2100_And_Poles()
    {
        var table = new EquatorialInputs().Generate(100, 1);
        var edges = Enumerable.Range(0, table.EdgeCases).Select(i => table.Row(i).ToArray()).ToList();

        Assert.Contains(edges, r => r[0] == Epochs.J2000);
        Assert.Contains(edges, r => r[0] == Epochs.Jd1900);
        Assert.Contains(edges, r => r[0] == Epochs.Jd2100);
        Assert.Contains(edges, r => r[2] == Math.PI / 2);
        Assert.Contains(edges, r => r[2] == -Math.PI / 2);
    }

    [Fact]
    public void KeplerEdgeCases_Reach_EccentricityCloseToOne() =>
        Assert.Contains(Enumerable.Range(0, 10).Select(i => new KeplerInputs().Generate(20, 1).Row(i)[1]), e => e >= 0.9999);

    [Fact]
    public void RandomDirections_AreUnitVectors_AndEpochsInRange()
    {
        var table = new FrameRotationInputs().Generate(2000, 3);
        for (var i = table.EdgeCases; i < table.Rows; i++)
        {
            var r = table.Row(i);
            Assert.InRange(r[0], Epochs.Jd1900, Epochs.Jd2100);
            Assert.Equal(1.0, Math.Sqrt(r[1] * r[1] + r[2] * r[2] + r[3] * r[3]), 14);
        }
    }

    [Fact]
    public void Fingerprint_ChangesWhenOneBitOfOneInputChanges()
    {
        var table = new EpochInputs().Generate(50, 1);
        var before = DatasetFingerprint.Compute("solar_position", table);
        table.Values[37] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(table.Values[37]) ^ 1);

        Assert.NotEqual(before, DatasetFingerprint.Compute("solar_position", table));
    }
}
