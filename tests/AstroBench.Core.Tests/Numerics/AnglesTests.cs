using AstroBench.Core.Numerics;

namespace AstroBench.Core.Tests.Numerics;

public sealed class AnglesTests
{
    private const double MicroArcsecRad = 1e-6 / Angles.ArcsecPerRad;

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.2, -0.7)]
    [InlineData(4.0, 1.5)]
    public void Between_Resolves_OneMicroArcsecond(double lon, double lat)
    {
        var a = Angles.ToUnitVector(lon, lat);
        var b = Angles.ToUnitVector(lon, lat + MicroArcsecRad);

        var uas = Angles.Between(a.X, a.Y, a.Z, b.X, b.Y, b.Z) * Angles.ArcsecPerRad * 1e6;

        Assert.InRange(uas, 0.99, 1.01);
    }

    [Fact]
    public void Between_IsBetterThanAcos_ForTinyAngles()
    {
        var a = Angles.ToUnitVector(0.3, 0.2);
        var b = Angles.ToUnitVector(0.3, 0.2 + MicroArcsecRad);
        var dot = a.X * b.X + a.Y * b.Y + a.Z * b.Z;

        // acos of the dot product collapses to 0 (or a multiple of ~10 mas); atan2 keeps the microarcsecond.
        var acosUas = Math.Acos(Math.Min(1, dot)) * Angles.ArcsecPerRad * 1e6;
        var atanUas = Angles.Between(a.X, a.Y, a.Z, b.X, b.Y, b.Z) * Angles.ArcsecPerRad * 1e6;

        Assert.True(Math.Abs(acosUas - 1) > 0.5, $"acos gave {acosUas} µas");
        Assert.InRange(atanUas, 0.99, 1.01);
    }

    [Fact]
    public void Between_OppositeVectors_IsPi() =>
        Assert.Equal(Math.PI, Angles.Between(1, 0, 0, -1, 0, 0), 15);

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(2 * Math.PI + 0.1, 0.1)]
    [InlineData(-2 * Math.PI - 0.1, -0.1)]
    [InlineData(3 * Math.PI / 2, -Math.PI / 2)]
    [InlineData(Math.PI, Math.PI)]
    [InlineData(-Math.PI, Math.PI)]
    public void WrapPi_MapsInto_MinusPiExclusive_PiInclusive(double input, double expected) =>
        Assert.Equal(expected, Angles.WrapPi(input), 12);
}
