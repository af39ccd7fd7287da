using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

public sealed class HexFloatTests
{
    [Fact]
    public void RoundTrip_IsExact_ForMillionsOfRandomBitPatterns_IncludingSubnormals()
    {
        var random = new Random(20261201);
        Span<char> buffer = stackalloc char[HexFloat.MaxLength];
        for (var i = 0; i < 3_000_000; i++)
        {
            // Every fourth pattern is forced subnormal (exponent field 0), the rest are uniform over all bits.
            var bits = random.NextInt64(long.MinValue, long.MaxValue);
            if (i % 4 == 0)
            {
                bits &= unchecked((long)0x800F_FFFF_FFFF_FFFFUL);
            }
            var value = BitConverter.Int64BitsToDouble(bits);
            Assert.True(HexFloat.TryFormat(value, buffer, out var n));
            Assert.True(HexFloat.TryParse(buffer[..n], out var back) || WireNumbers.TryParseNonFinite(buffer[..n], out back));
            if (double.IsNaN(value))
            {
                Assert.True(double.IsNaN(back));
                continue;
            }
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(back));
        }
    }

    [Theory]
    [InlineData(0.0, "0x0p+0")]
    [InlineData(-0.0, "-0x0p+0")]
    [InlineData(1.0, "0x1p+0")]
    [InlineData(0.1, "0x1.999999999999ap-4")]
    [InlineData(-2.5, "-0x1.4p+1")]
    [InlineData(double.Epsilon, "0x0.0000000000001p-1022")]
    [InlineData(2.2250738585072014e-308, "0x1p-1022")]
    [InlineData(double.MaxValue, "0x1.fffffffffffffp+1023")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    public void Format_WritesTheFormOfCsPercentA(double value, string expected) => Assert.Equal(expected, HexFloat.Format(value));

    [Theory]
    // Python's float.hex spelling, upper case, no exponent, integer digits.
    [InlineData("0x0.0p+0", 0.0)]
    [InlineData("0X1.8P1", 3.0)]
    [InlineData("0x10", 16.0)]
    [InlineData("+0x.8p0", 0.5)]
    // Ties go to even; anything beyond the tie (sticky digits) rounds up.
    [InlineData("0x1.00000000000008p+0", 1.0)]
    [InlineData("0x1.00000000000018p+0", 1.0000000000000004)]
    [InlineData("0x1.000000000000080000000001p+0", 1.0000000000000002)]
    // Subnormal rounding and underflow.
    [InlineData("0x0.00000000000008p-1022", 0.0)]
    [InlineData("0x0.000000000000081p-1022", 4.9406564584124654E-324)]
    [InlineData("0x1p-1075", 0.0)]
    [InlineData("0x1.8p-1075", 4.9406564584124654E-324)]
    [InlineData("0x1p+1024", double.PositiveInfinity)]
    [InlineData("0x1.fffffffffffff8p+1023", double.PositiveInfinity)]
    public void Parse_RoundsToNearestEven(string text, double expected)
    {
        Assert.True(HexFloat.TryParse(text, out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0x")]
    [InlineData("0x1p")]
    [InlineData("0x1.2.3")]
    [InlineData("0x1g")]
    [InlineData("")]
    public void Parse_RefusesWhatIsNotAHexFloat(string text) => Assert.False(HexFloat.TryParse(text, out _));

    [Fact]
    public void HexWireFormat_ReadsNonFiniteValues_LikeDecimal()
    {
        var format = new WireFormat(ProtocolConstants.Version2, WireEncoding.Hex);
        Assert.True(format.TryParse("-inf", out var v) && double.IsNegativeInfinity(v));
        Assert.True(format.TryParse("nan", out v) && double.IsNaN(v));
        Assert.False(format.TryParse("1.5", out _));
    }
}
