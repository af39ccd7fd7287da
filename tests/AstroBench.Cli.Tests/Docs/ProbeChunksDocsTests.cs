using System.Text.RegularExpressions;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Docs;

/// <summary>docs/adapter-protocol.md, "Version 7": the documented request is what the writer sends, and the documented
/// answer parses, fits its request, and judges its values as the text says.</summary>
public sealed partial class ProbeChunksDocsTests
{
    [GeneratedRegex(@"## Version 7.*?### Request.*?```\n(?<request>.*?)```.*?### Perf answer\s*```\n(?<answer>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Section();

    private static async Task<Match> DocAsync() =>
        Section().Match(await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "adapter-protocol.md")));

    [Fact]
    public async Task DocumentedRequestLines_AreWhatTheWriterSends()
    {
        var doc = await DocAsync();
        var written = new StringWriter();

        await RequestWriter.WriteAsync(written, AdapterRequest.Perf("obliquity", new EpochInputs().Generate(4, 1), 66000, 0, warmupAuto: true, values: 3, probeOps: 10000), default);

        Assert.Contains("\n" + doc.Groups["request"].Value, written.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentedAnswer_ListsOneChunkMoreThanItsValues_AndKeepsValueOneOnly()
    {
        var doc = await DocAsync();

        var perf = (await ResponseReader.ReadAsync(new StringReader(doc.Groups["answer"].Value), AdapterMode.Perf, 0, 0, default)).Perf!;

        Assert.Equal([201334, 199870, 287112, 200415], perf.ProbeNs!);
        Assert.Null(PerfMeasurer.MissingProbes(10000, perf));
        var gate = new ContentionGate();
        for (var i = 0; i < ContentionGate.MinSamples; i++)
        {
            gate.Observe(20.0); // a run whose chunks so far read 20 ns/op
        }
        var contended = ContendedValues.Judge(gate, perf.ProbeNs!, perf.ValueCount);
        Assert.Equal([false, true, true], contended);
        Assert.Equal(2029401 / 66000.0 - 1.8734, perf.RoundNsPerOpOf([.. contended.Select(c => !c)]), 9);
    }
}
