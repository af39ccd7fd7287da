using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>A shard's rows parsed straight into its part of the joined outputs (docs/engine.md, "Shards"): nothing else is touched.</summary>
public sealed class ShardTargetTests
{
    private static readonly WireFormat V2Hex = new(ProtocolConstants.Version2, WireEncoding.Hex);

    [Fact]
    public async Task Rows_GoIntoTheTargetSegment_AndTheWholeArrayIsReturned()
    {
        var joined = Enumerable.Repeat(-1.0, 8).ToArray();
        var text = "ABP 2\nstatus ok\nencoding hex\ncolumns 2\ncases 2\n0x1p+0 0x1p+1\n0x1.8p+1 0x1p+2\nend\n";

        var r = await ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 2, 2, V2Hex, new ArraySegment<double>(joined, 2, 4), default);

        Assert.Same(joined, r.Outputs);
        Assert.Equal([-1.0, -1.0, 1.0, 2.0, 3.0, 4.0, -1.0, -1.0], joined);
    }

    [Fact]
    public async Task ATargetOfAnotherSize_IsRefused()
    {
        var text = "ABP 2\nstatus ok\nencoding hex\ncolumns 2\ncases 2\n0x1p+0 0x1p+1\n0x1.8p+1 0x1p+2\nend\n";

        await Assert.ThrowsAsync<ArgumentException>(() =>
            ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 2, 2, V2Hex, new ArraySegment<double>(new double[8], 0, 6), default));
    }
}
