using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// The <c>--jobs</c> slots go to accuracy calls in the order their places were reserved (plan order), not in the order
/// the calls ask (docs/engine.md, "Slots in plan order"): a reference that asks late, because it waited for the version
/// capture that keys its cache entry, still runs before a candidate planned after it. Real adapters: erfa, and the gate
/// fixture, which holds its call until the test opens it.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class SlotOrderTests : IDisposable
{
    private static readonly AdapterRegistry Registry = AdapterRegistry.Load([Repo.Adapters, Repo.Fixtures]);
    private readonly TempLab _lab = new();
    private readonly string? _gateDir = Environment.GetEnvironmentVariable("ASTROBENCH_GATE_DIR");

    public SlotOrderTests() => Environment.SetEnvironmentVariable("ASTROBENCH_GATE_DIR", _lab.Dir);

    public void Dispose()
    {
        File.WriteAllText(Path.Combine(_lab.Dir, "all.open"), "");
        Environment.SetEnvironmentVariable("ASTROBENCH_GATE_DIR", _gateDir);
        _lab.Dispose();
    }

    [Fact]
    public async Task ReferenceReservedFirst_GetsTheOnlySlot_BeforeACandidateThatAskedEarlier()
    {
        var def = ExperimentCatalog.Find("gmst_era")!;
        var request = AdapterRequest.Accuracy(def.Id, def.Generator.Generate(5, 42));
        var width = def.OutputColumns.Count;
        await using var calls = new AccuracyCalls(new AdapterProcessRunner(TimeSpan.FromMinutes(5)), AccuracyTransport.Hex, jobs: 1);
        var erfa = Registry.Find("erfa")!;
        var places = calls.Reserve(erfa, request.RowCount);

        // The candidate asks first; its place comes after the reference's. Had it the slot, the gate would hold it forever.
        var candidate = calls.CallAsync(Registry.Find("gate")!, request, width, CancellationToken.None);
        var reference = calls.CallAsync(erfa, request, width, default, Assert.Single(places), CancellationToken.None);

        await Eventually.True(() => reference.IsCompleted, "the reference got the slot while the gate's call waited for it");
        Assert.Equal(CallOutcome.Completed, (await reference).Outcome);
        await Eventually.True(() => File.Exists(Path.Combine(_lab.Dir, "gmst_era.waiting")), "the candidate got the slot after the reference");
        File.WriteAllText(Path.Combine(_lab.Dir, "gmst_era.open"), "");
        Assert.Equal(CallOutcome.Completed, (await candidate).Outcome);
    }
}
