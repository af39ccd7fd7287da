using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Tests.Inputs;

/// <summary><see cref="InputTable.LastRows"/>: the copy an experiment's timing keeps between its two parts
/// (docs/engine.md, "Timing in two parts") sends what the whole table sends.</summary>
public sealed class InputTableTests
{
    [Fact]
    public void LastRows_CopyTheTail_WithTheEdgeCasesAmongThem()
    {
        var table = ExperimentCatalog.Find("gmst_era")!.Generator.Generate(40, 3);
        var tail = table.LastRows(30);

        Assert.Equal(30, tail.Rows);
        Assert.Equal(table.Columns, tail.Columns);
        Assert.Equal(table.Values.AsSpan(10 * table.Width).ToArray(), tail.Values);
        Assert.Equal(Math.Max(0, table.EdgeCases - 10), tail.EdgeCases);
        Assert.NotSame(table.Values, tail.Values);
        Assert.Equal(table.Values, table.LastRows(1000).Values); // more than there are: all of them
        Assert.Equal(0, table.LastRows(0).Rows);
    }

    [Fact]
    public async Task APerfRequestOverTheCopy_IsByteForByteTheWholeTablesRequest()
    {
        var table = ExperimentCatalog.Find("gmst_era")!.Generator.Generate(3000, 42);
        var tail = table.LastRows(AdapterRequest.PerfCases(table.Rows));

        Assert.Equal(await Bytes(AdapterRequest.Perf("gmst_era", table, 500, 50, values: 3)), await Bytes(AdapterRequest.Perf("gmst_era", tail, 500, 50, values: 3)));
    }

    private static async Task<string> Bytes(AdapterRequest request)
    {
        await using var writer = new StringWriter();
        await RequestWriter.WriteAsync(writer, request, CancellationToken.None);
        return writer.ToString();
    }
}
