using System.Diagnostics;
using System.Text;
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
        Assert.True(answered.Outcome == CallOutcome.Completed, $"{answered.Outcome}: {answered.Detail}");
        Assert.Equal(CallOutcome.Completed, v1.Outcome);
        Assert.Equal(v1.Outputs!.Select(BitConverter.DoubleToInt64Bits), answered.Outputs!.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>
    /// The request after an early answer, written the moment that answer has been read (docs/adapter-protocol.md: an
    /// adapter reads a request to its end before it answers). A helper that answered first and read the tail afterwards
    /// through a buffered reader took the next request's first bytes with it, and the session hung: this raw client, with
    /// no orchestrator between the answer and the next write, hit that at once; the session's own test only now and then.
    /// </summary>
    [Fact]
    public async Task TheRequestAfterAnEarlyAnswer_WrittenAtOnce_IsServed()
    {
        var erfa = Registry.Find("erfa")!;
        var psi = new ProcessStartInfo(Path.Combine(erfa.Directory, "build", "erfa_adapter"))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang fails the test instead of the suite
        try
        {
            var stdin = process.StandardInput.BaseStream;
            var early = Request("no_such_experiment", 20_000);
            // The next request in hex (docs/adapter-protocol.md's example), so that every answer is text.
            var next = "ABP 2\nexperiment gmst_era\nmode accuracy\nencoding hex\ncolumns 2\ncases 2\n0x1.2b42c8p+21 0x1.2b42c801a3d1ap+21\n0x1.26cd64p+21 0x1.26cd6401a3d1ap+21\nend\n"u8.ToArray();
            for (var i = 0; i < 20; i++)
            {
                var write = stdin.WriteAsync(early, stop.Token).AsTask();
                Assert.Equal("error", await StatusAsync(process.StandardOutput, stop.Token));
                await write;
                await stdin.WriteAsync(next, stop.Token);
                await stdin.FlushAsync(stop.Token);
                Assert.Equal("ok", await StatusAsync(process.StandardOutput, stop.Token));
            }
        }
        finally
        {
            process.Kill();
        }
    }

    private static byte[] Request(string experiment, int rows)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.ASCII.GetBytes($"ABP 2\nexperiment {experiment}\nmode accuracy\nencoding binary\ncolumns 2\ncases {rows}\n"));
        for (var r = 0; r < rows; r++)
        {
            buffer.Write(BitConverter.GetBytes(2451545.0 + r));
            buffer.Write(BitConverter.GetBytes(2451545.0008 + r));
        }
        buffer.Write("end\n"u8);
        return buffer.ToArray();
    }

    /// <summary>Reads one text response to its end; its status.</summary>
    private static async Task<string> StatusAsync(StreamReader stdout, CancellationToken ct)
    {
        string? status = null;
        while (await stdout.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("status ", StringComparison.Ordinal))
            {
                status = line[7..];
            }
            if (line == "end" && status is not null)
            {
                return status;
            }
        }
        return "end of output";
    }
}
