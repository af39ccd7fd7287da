using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>Accuracy rows parsed in place (<c>RowReader</c>, through <see cref="ResponseReader"/>): the edges of reading without a string per line.</summary>
public sealed class RowReaderTests
{
    private static readonly WireFormat V2Decimal = new(ProtocolConstants.Version2, WireEncoding.Decimal);

    [Fact]
    public async Task V2_OutputAfterTheEndLine_IsAProtocolError()
    {
        // A second answer would be lost to the next request: this one fails instead.
        var text = "ABP 2\nstatus ok\nencoding decimal\ncolumns 2\ncases 1\n1 2\nend\nABP 2\n";

        var ex = await Assert.ThrowsAsync<ProtocolException>(() =>
            ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 1, 2, V2Decimal, default));

        Assert.Contains("unexpected output after 'end'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_OutputAfterTheEndLine_IsIgnored_AsBefore()
    {
        var r = await ResponseReader.ReadAsync(new StringReader("ABP 1\nstatus ok\ncolumns 2\ncases 1\n1 2\nend\ntrailing\n"),
            AdapterMode.Accuracy, 1, 2, default);

        Assert.Equal([1.0, 2.0], r.Outputs!);
    }

    [Fact]
    public async Task ALineLongerThanAMillionCharacters_IsAProtocolError()
    {
        var text = "ABP 1\nstatus ok\ncolumns 2\ncases 1\n" + new string('1', 3_000_000) + "\nend\n";

        var ex = await Assert.ThrowsAsync<ProtocolException>(() => ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 1, 2, default));

        Assert.Contains("longer than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsSplitAcrossReads_AndCrLfLineEnds_ParseLikeLines()
    {
        // 20,000 rows outgrow the 64 Ki-char buffer many times over, so rows straddle reads.
        var rows = Enumerable.Range(0, 20_000).Select(i => $"{i} -{i}.5\r\n");
        var text = "ABP 1\nstatus ok\ncolumns 2\ncases 20000\n" + string.Concat(rows) + "end\r\n";

        var r = await ResponseReader.ReadAsync(new StringReader(text), AdapterMode.Accuracy, 20_000, 2, default);

        Assert.Equal(19_999.0, r.Outputs![39_998]);
        Assert.Equal(-19_999.5, r.Outputs[39_999]);
    }
}
