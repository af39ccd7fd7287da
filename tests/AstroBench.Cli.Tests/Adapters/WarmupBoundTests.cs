using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// The steady-state warm-up's bound (docs/adapter-protocol.md, "warmup auto"): at most half a value's ops, at least one
/// chunk, in every runtime's implementation (C: abp.c, C#: erfa-dotnet's PerfLoop.cs, JavaScript: abp.mjs, Python:
/// abp.py). A value of 1 or 4 ops has chunks of one op and room for 1 or 2 of them, fewer than the 3 the steady rule
/// compares, so the warm-up is exactly that many ops and never steady, however fast the machine; under the old bound
/// (10 chunks) it was at least 3 ops.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class WarmupBoundTests
{
    [Theory]
    [InlineData("erfa")]
    [InlineData("erfa-dotnet")]
    [InlineData("astronomy-engine")]
    [InlineData("skyfield")]
    public async Task AValueOfFewerThanTwentyOps_IsWarmedUpByAtMostHalfOfThem(string library)
    {
        var adapter = AdapterRegistry.Load([Repo.Adapters]).Find(library)!;
        var inputs = ExperimentCatalog.Find("gmst_era")!.Generator.Generate(8, 1);
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));

        foreach (var (ops, warmup) in new[] { (1L, 1L), (4L, 2L), (40L, 20L) })
        {
            var call = await runner.CallAsync(adapter, AdapterRequest.Perf("gmst_era", inputs, ops, 0, warmupAuto: true, values: 1), 0, default);

            Assert.True(call.Outcome == CallOutcome.Completed, call.Detail);
            if (ops < 20)
            {
                Assert.Equal(((long?)warmup, (bool?)false), (call.Perf!.WarmupOps, call.Perf.WarmupSteady));
            }
            else
            {
                Assert.InRange(call.Perf!.WarmupOps!.Value, 6, warmup); // 40 ops: chunks of 2, steady after 3 of them at the earliest
            }
        }
    }
}
