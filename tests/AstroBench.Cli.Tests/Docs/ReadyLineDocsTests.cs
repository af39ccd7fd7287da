using System.Text.RegularExpressions;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Protocol;

namespace AstroBench.Cli.Tests.Docs;

/// <summary>docs/adapter-protocol.md, "Version 6": the documented exchange reads as a ready line, then a v1 perf response parsed by the one response reader.</summary>
public sealed partial class ReadyLineDocsTests
{
    [GeneratedRegex(@"A complete exchange, the adapter's stdout:\s*```\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Exchange();

    [Fact]
    public async Task DocumentedExchange_ReadsAsReadyLineThenPerfResponse()
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "adapter-protocol.md"));
        using var stdout = new StringReader(Exchange().Match(doc).Groups["text"].Value);

        Assert.Null(await ReadyLine.ReadAsync(stdout, default));
        var response = await ResponseReader.ReadAsync(stdout, AdapterMode.Perf, 0, 0, default);
        Assert.Equal("ok", response.Status);
        Assert.Equal(5000, response.Perf!.Ops);
    }

    [Fact]
    public async Task AnyOtherFirstLine_IsNotReady()
    {
        Assert.Equal("its output ended before the ready line", await ReadyLine.ReadAsync(new StringReader(""), default));
        Assert.Equal("its first line was 'ABP 1', not the ready line 'ABP ready'", await ReadyLine.ReadAsync(new StringReader("ABP 1\nstatus ok\n"), default));
    }
}
