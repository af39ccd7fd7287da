using System.Text;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Protocol;

/// <summary>The v2 <c>binary</c> encoding (<see cref="BinaryRows"/>) through the real request writer and response reader.</summary>
public sealed class BinaryRowsTests
{
    private static readonly WireFormat Binary = new(ProtocolConstants.Version2, WireEncoding.Binary);

    private static byte[] Response(ReadOnlySpan<double> values, int columns, string end = "end\n")
    {
        var header = Encoding.ASCII.GetBytes($"ABP 2\nstatus ok\nencoding binary\ncolumns {columns}\ncases {values.Length / columns}\n");
        var rows = new byte[values.Length * sizeof(double)];
        BinaryRows.Encode(values, rows);
        return [.. header, .. rows, .. Encoding.ASCII.GetBytes(end)];
    }

    private static Task<ResponseReader.Response> ReadAsync(byte[] bytes, int rows, int columns, WireFormat format, Encoding? encoding = null) =>
        ResponseReader.ReadAsync(new StreamReader(new MemoryStream(bytes), encoding ?? BinaryRows.TransportEncoding, false, 1 << 16),
            AdapterMode.Accuracy, rows, columns, format, default);

    private static double[] RandomBits(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Every fourth pattern subnormal, the rest uniform over all bits (NaNs with payloads and signs included).
            var bits = random.NextInt64(long.MinValue, long.MaxValue);
            values[i] = BitConverter.Int64BitsToDouble(i % 4 == 0 ? bits & unchecked((long)0x800F_FFFF_FFFF_FFFFUL) : bits);
        }
        values[0] = -0.0;
        values[1] = double.PositiveInfinity;
        values[2] = double.NegativeInfinity;
        values[3] = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001UL)); // a negative NaN with a payload
        return values;
    }

    [Fact]
    public async Task RoundTrip_KeepsEveryBit_ExceptNaNs_WhichBecomeTheOneNaN_ForMillionsOfPatterns()
    {
        var values = RandomBits(3_000_000, 20261201);

        var back = (await ReadAsync(Response(values, 4), values.Length / 4, 4, Binary)).Outputs!;

        for (var i = 0; i < values.Length; i++)
        {
            var expected = double.IsNaN(values[i]) ? double.NaN : values[i];
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(back[i]));
        }
    }

    [Fact]
    public async Task DecimalHexAndBinary_ReadTheSameBits()
    {
        var values = RandomBits(40_000, 7);
        var dec = new WireFormat(ProtocolConstants.Version2, WireEncoding.Decimal);
        var hex = new WireFormat(ProtocolConstants.Version2, WireEncoding.Hex);

        var fromBinary = (await ReadAsync(Response(values, 4), 10_000, 4, Binary)).Outputs!;
        var fromDecimal = (await ReadAsync(Text(values, dec), 10_000, 4, dec, Encoding.ASCII)).Outputs!;
        var fromHex = (await ReadAsync(Text(values, hex), 10_000, 4, hex, Encoding.ASCII)).Outputs!;

        Assert.Equal(fromDecimal.Select(BitConverter.DoubleToInt64Bits), fromBinary.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(fromHex.Select(BitConverter.DoubleToInt64Bits), fromBinary.Select(BitConverter.DoubleToInt64Bits));
    }

    private static byte[] Text(double[] values, WireFormat format)
    {
        var text = new StringBuilder($"ABP 2\nstatus ok\nencoding {format.Encoding.ToWire()}\ncolumns 4\ncases {values.Length / 4}\n");
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < values.Length; i++)
        {
            format.TryFormat(values[i], buffer, out var n);
            text.Append(buffer[..n]).Append(i % 4 == 3 ? '\n' : ' ');
        }
        return Encoding.ASCII.GetBytes(text.Append("end\n").ToString());
    }

    [Fact]
    public async Task RequestWriter_SendsTheTextHeader_TheRowsAsLittleEndianDoubles_ThenEnd()
    {
        var inputs = new InputTable(["jd_tt", "x"], 3, 0);
        double[] values = [2451545.0, 0.5, -1.0, double.NaN, 1e-310, double.MaxValue];
        values.CopyTo(inputs.Values, 0);
        var sink = new MemoryStream();
        await using (var writer = new StreamWriter(sink, new UTF8Encoding(false), 1024, leaveOpen: true))
        {
            await RequestWriter.WriteAsync(writer, new AdapterRequest("gmst_era", AdapterMode.Accuracy, inputs, 1, 2), Binary, default);
        }

        var header = "ABP 2\nexperiment gmst_era\nmode accuracy\nencoding binary\ncolumns 2\ncases 2\n"u8.ToArray();
        var rows = new byte[4 * sizeof(double)];
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(rows.AsSpan(i * 8), BitConverter.IsLittleEndian ? values[2 + i] : BitConverter.Int64BitsToDouble(
                System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(BitConverter.DoubleToInt64Bits(values[2 + i]))));
        }
        Assert.Equal([.. header, .. rows, .. "end\n"u8.ToArray()], sink.ToArray());
    }

    [Fact]
    public async Task ShortRows_OrAMissingEndLine_AreProtocolErrors()
    {
        var full = Response([1.0, 2.0, 3.0, 4.0], 2);

        var cut = await Assert.ThrowsAsync<ProtocolException>(() => ReadAsync(full[..^12], 2, 2, Binary));
        var noEnd = await Assert.ThrowsAsync<ProtocolException>(() => ReadAsync(Response([1.0, 2.0, 3.0, 4.0], 2, "ABP 2\n"), 2, 2, Binary));

        Assert.Contains("output ended", cut.Message, StringComparison.Ordinal);
        Assert.Contains("expected 'end' after 2 binary rows", noEnd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsDecodedAsUtf8_AreRejected_NotMisread()
    {
        // 0xFF bytes are no UTF-8: the decoder turns them into U+FFFD, which no Latin-1 byte can be.
        var bytes = Response([BitConverter.Int64BitsToDouble(-1), 1.0], 2);

        var ex = await Assert.ThrowsAsync<ProtocolException>(() => ReadAsync(bytes, 1, 2, Binary, new UTF8Encoding(false)));

        Assert.Contains("Latin-1", ex.Message, StringComparison.Ordinal);
    }
}
