using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

public sealed class WireProtocolTests
{
    [Fact]
    public void Doubles_RoundTripExactly_ThroughTheWireFormat()
    {
        var random = new SeededRandom(5);
        for (var i = 0; i < 10_000; i++)
        {
            var v = BitConverter.Int64BitsToDouble((long)random.NextUInt64());
            if (!double.IsFinite(v))
            {
                continue;
            }
            Assert.True(WireNumbers.TryParse(WireNumbers.Format(v), out var back));
            Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(back));
        }
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("-nan")]
    [InlineData("NaN")]
    public void CStyleNaN_Parses(string text)
    {
        Assert.True(WireNumbers.TryParse(text, out var v));
        Assert.True(double.IsNaN(v));
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    public void CStyleInfinity_Parses(string text, double expected)
    {
        Assert.True(WireNumbers.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }

    [Fact]
    public async Task Request_HasHeaderRowsAndEnd()
    {
        var table = new InputTable(["jd_tt", "x"], 2, 0);
        table.Values[0] = 2451545; table.Values[1] = 0.1;
        table.Values[2] = 2451546.5; table.Values[3] = -1e-300;
        var writer = new StringWriter();

        await RequestWriter.WriteAsync(writer, AdapterRequest.Accuracy("gmst_era", table), default);

        Assert.Equal("ABP 1\nexperiment gmst_era\nmode accuracy\ncolumns 2\ncases 2\n2451545 0.1\n2451546.5 -1E-300\nend\n", writer.ToString());
    }

    [Fact]
    public async Task PerfRequest_CarriesOpsAndWarmup_AndAtMost1024Cases()
    {
        var table = new EpochInputs().Generate(5000, 1);
        var writer = new StringWriter();

        await RequestWriter.WriteAsync(writer, AdapterRequest.Perf("solar_position", table, 1000, 100), default);
        var lines = writer.ToString().Split('\n');

        Assert.Contains("mode perf", lines);
        Assert.Contains("ops 1000", lines);
        Assert.Contains("warmup 100", lines);
        Assert.Contains("cases 1024", lines);
    }

    [Fact]
    public async Task AccuracyResponse_IsParsed()
    {
        var text = "ABP 1\nstatus ok\ncolumns 2\ncases 2\n1 2\nnan -inf\nend\n";

        var r = await ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 2, 2, default);

        Assert.Equal("ok", r.Status);
        Assert.Equal(1, r.Outputs![0]);
        Assert.True(double.IsNaN(r.Outputs[2]));
        Assert.Equal(double.NegativeInfinity, r.Outputs[3]);
    }

    [Fact]
    public async Task PerfResponse_IsParsed()
    {
        var text = "ABP 1\nstatus ok\ntotal_ns 1000000\nops 20000\nsink 3.5\nclock_res_ns 1\nend\n";

        var r = await ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Perf, 0, 0, default);

        Assert.Equal(50, r.Perf!.NsPerOp);
        Assert.Equal(3.5, r.Perf.Sink);
    }

    [Fact]
    public async Task Skipped_CarriesTheReason()
    {
        var r = await ResponseReader.ReadAsync(new StringReader("ABP 1\nstatus skipped\nreason no ephemeris file\nend\n"), AdapterMode.Accuracy, 1, 2, default);

        Assert.Equal("skipped", r.Status);
        Assert.Equal("no ephemeris file", r.Reason);
    }

    [Theory]
    [InlineData("hello world\n", "first line")]
    [InlineData("ABP 2\nstatus ok\nend\n", "first line")]
    [InlineData("ABP 1\nstatus ok\ncolumns 2\ncases 1\n1 2\n", "end")]
    [InlineData("ABP 1\nstatus ok\ncolumns 2\ncases 1\nend\n", "not a number")]
    [InlineData("ABP 1\nstatus ok\ncolumns 2\ncases 1\n1 x\nend\n", "not a number")]
    [InlineData("ABP 1\nstatus ok\ncolumns 2\ncases 1\n1 2 3\nend\n", "more than 2")]
    [InlineData("ABP 1\nstatus ok\ncolumns 3\ncases 1\n1 2 3\nend\n", "expected 1×2")]
    [InlineData("ABP 1\nstatus ok\ncolumns 2\ncases 5\n", "expected 1×2")]
    [InlineData("ABP 1\nstatus weird\nend\n", "unknown status")]
    public async Task MalformedResponses_RaiseProtocolException_WithTheReason(string text, string expected)
    {
        var ex = await Assert.ThrowsAsync<ProtocolException>(() => ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 1, 2, default));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
