using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using AstroBench.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Tests.Storage;

/// <summary>The JSON examples of docs/storage.md have exactly the members of the real responses (the web Storage page is built on them).</summary>
public sealed class StorageDocsTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private static JsonNode Example(string name) => DocExamples.Example("storage.md", "storage-example", name);

    private static SortedSet<string> Members(JsonNode? node) => DocExamples.Members(node);

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
