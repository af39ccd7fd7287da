using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AstroBench.Server.Events;
using AstroBench.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Tests.Storage;

/// <summary>The JSON examples of docs/storage.md have exactly the members of the real responses (the web Storage page is built on them).</summary>
public sealed partial class StorageDocsTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [GeneratedRegex(@"<!-- storage-example: ([a-z0-9-]+) -->\s*```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();

    private static JsonNode Example(string name)
    {
        var doc = File.ReadAllText(Path.Combine(Lab.RepoRoot, "docs", "storage.md"));
        var match = ExamplePattern().Matches(doc).FirstOrDefault(m => m.Groups[1].Value == name)
            ?? throw new KeyNotFoundException($"docs/storage.md has no storage-example '{name}'");
        return JsonNode.Parse(match.Groups[2].Value)!;
    }

    /// <summary>Every member path (<c>$.runs[].run_id</c>), arrays described by their elements.</summary>
    private static SortedSet<string> Members(JsonNode? node, string path = "$", SortedSet<string>? into = null)
    {
        into ??= new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    into.Add($"{path}.{name}");
                    Members(value, $"{path}.{name}", into);
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Members(item, path + "[]", into);
                }
                break;
        }
        return into;
    }

    [Fact]
    public async Task StorageAndEstimateExamples_HaveTheMembersOfTheRealResponses()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 20, no_perf = true });
        Assert.Equal("completed", (await _lab.WaitTerminal(job["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());

        Assert.Equal(Members(Example("storage")), Members(await _lab.GetJson("/api/storage")));
        Assert.Equal(Members(Example("estimate")), Members(await _lab.GetJson("/api/storage/estimate?n=10")));
    }

    [Fact]
    public void DiskLowExample_HasTheMembersOfTheRealPayload()
    {
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>();
        var after = events.LastSeq();
        var options = new StorageDiskOptions { LowDiskWarnMb = 1L << 30 };
        using var monitor = new DiskLowMonitor(_lab.Factory.Services.GetRequiredService<Hosting.ServerPaths>(), events,
            Options.Create(options), TimeProvider.System, NullLogger<DiskLowMonitor>.Instance);

        monitor.Check();

        var payload = Assert.Single(events.ReadAfter(after), e => e.Type == LabEventTypes.DiskLow).PayloadObject();
        Assert.Equal(Members(Example("disk-low")), Members(payload));
    }
}
