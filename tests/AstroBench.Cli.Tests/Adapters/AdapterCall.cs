using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>Sends hand-made input rows to a real adapter process and returns its output rows.</summary>
internal static class AdapterCall
{
    private static readonly AdapterRegistry Registry = AdapterRegistry.Load([Repo.Adapters, Repo.Fixtures, Repo.ReferenceFloor]);

    public static async Task<double[][]> AccuracyAsync(string adapter, string experiment, params double[][] rows)
    {
        var definition = ExperimentCatalog.Find(experiment)!;
        var table = new InputTable(definition.InputColumns, rows.Length, 0);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(table.RowForWrite(i));
        }
        var info = Registry.Find(adapter) ?? throw new InvalidOperationException($"adapter {adapter} not found");
        var result = await new AdapterProcessRunner(TimeSpan.FromSeconds(30))
            .CallAsync(info, AdapterRequest.Accuracy(experiment, table), definition.OutputColumns.Count, default);
        Assert.True(result.Outcome == CallOutcome.Completed, $"{adapter}/{experiment}: {result.Outcome} {result.Detail}");
        var width = definition.OutputColumns.Count;
        return Enumerable.Range(0, rows.Length).Select(i => result.Outputs!.AsSpan(i * width, width).ToArray()).ToArray();
    }

    public static Task<AdapterCallResult> RawAsync(string adapter, AdapterRequest request, int outputColumns, TimeSpan timeout, CancellationToken ct = default) =>
        new AdapterProcessRunner(timeout).CallAsync(Registry.Find(adapter)!, request, outputColumns, ct);

    /// <summary>(ra, dec, |v|) of a Cartesian vector, ra in [0, 2π).</summary>
    public static (double Ra, double Dec, double Dist) Spherical(double x, double y, double z)
    {
        var d = Math.Sqrt(x * x + y * y + z * z);
        var ra = Math.Atan2(y, x);
        return (ra < 0 ? ra + 2 * Math.PI : ra, Math.Atan2(z, Math.Sqrt(x * x + y * y)), d);
    }
}
