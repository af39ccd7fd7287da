using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// The v2 <c>binary</c> encoding against the real C runtime (adapters/common/abp.c, through erfa): a request answered
/// early (<c>status error</c>) skips its binary rows by count, also when they hold the bytes of an <c>end</c> line,
/// and the session goes on; the answers equal a v1 decimal process's bit for bit.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class BinarySessionTests
{
    private static readonly AdapterRegistry Registry = AdapterRegistry.Load([Repo.Adapters]);

    /// <summary>
    /// gmst_era inputs (jd_ut1, jd_tt) whose third row is the bytes "\nend\n\0\0\0" twice, followed by far more rows than
    /// a pipe or stdio buffer holds: a reader that skipped by lines would stop at the false "end" mid-request.
    /// </summary>
    private static InputTable Inputs()
    {
        var table = new InputTable(["jd_ut1", "jd_tt"], 20_000, 0);
        for (var r = 0; r < table.Rows; r++)
        {
            table.RowForWrite(r)[0] = 2451545.0 + r;
            table.RowForWrite(r)[1] = 2451545.0008 + r;
        }
        var trap = BitConverter.ToDouble("\nend\n\0\0\0"u8);
        table.RowForWrite(2)[0] = trap;
        table.RowForWrite(2)[1] = trap;
        return table;
    }

    [Fact]
    public async Task AnEarlyAnswer_SkipsItsBinaryRowsByCount_AndTheSessionGoesOn_WithV1sNumbers()
    {
        var erfa = Registry.Find("erfa")!;
        var inputs = Inputs();
        await using var session = AdapterSession.Start(erfa, WireEncoding.Binary, TimeSpan.FromSeconds(60))!;

        var unknown = await session.CallAsync(AdapterRequest.Accuracy("no_such_experiment", inputs), 2, CancellationToken.None);
        var answered = await session.CallAsync(AdapterRequest.Accuracy("gmst_era", inputs), 2, CancellationToken.None);
        var v1 = await new AdapterProcessRunner(TimeSpan.FromSeconds(60)).CallAsync(erfa, AdapterRequest.Accuracy("gmst_era", inputs), 2, CancellationToken.None);

        Assert.Equal(CallOutcome.InvalidOutput, unknown.Outcome);
        Assert.Contains("unknown experiment", unknown.Detail, StringComparison.Ordinal);
        Assert.True(session.Alive, "a status error keeps the session");
        Assert.Equal(CallOutcome.Completed, answered.Outcome);
        Assert.Equal(CallOutcome.Completed, v1.Outcome);
        Assert.Equal(v1.Outputs!.Select(BitConverter.DoubleToInt64Bits), answered.Outputs!.Select(BitConverter.DoubleToInt64Bits));
    }
}
