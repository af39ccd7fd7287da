using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Cli.Tests.Run;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>ERFA from C# through LibraryImport must reproduce the C reference bit for bit: interop may cost time, never accuracy.</summary>
[Collection(AdaptersCollection.Name)]
public sealed class ErfaDotnetParityTests : IDisposable
{
    private static readonly string[] Experiments =
    [
        "frame_rotation_bpn", "gmst_era", "equ_ecl", "equ_horizontal", "solar_position", "lunar_position",
        "frame_bias", "inv_frame_bias", "precession", "inv_precession", "bias_precession", "inv_bias_precession",
        "nutation", "inv_nutation", "precession_nutation", "inv_precession_nutation", "inv_bpn",
        "icrs_ecl_j2000", "inv_icrs_ecl_j2000", "icrs_ecl_tod", "inv_icrs_ecl_tod", "obliquity", "inv_obliquity",
        "apparent_place", "observed_horizontal", "time_scales",
    ];

    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task EveryOutput_EqualsTheCAdapter_Exactly()
    {
        var result = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--libraries", "erfa,erfa-dotnet",
            "--experiments", string.Join(',', Experiments), "--n", "300", "--no-perf");
        Assert.True(result.ExitCode == 0, result.All);
        var folder = new RunFolder(Assert.Single(_lab.Runs()));

        foreach (var experiment in Experiments)
        {
            var dotnet = folder.Result(experiment, "erfa-dotnet");
            Assert.Equal("completed", dotnet.Outcome);
            if (folder.Result(experiment, "erfa").Role == "reference")
            {
                // Scored against the C reference, every comparison (matrix_frobenius included) is exactly 0.
                Assert.All(dotnet.Accuracy!.Metrics.Where(m => !m.Value.SelfCheck), m => Assert.True(m.Value.Max == 0, $"{experiment} {m.Key} max {m.Value.Max}"));
            }
            // cases.parquet holds IEEE doubles, so equal bits are checked directly.
            var (header, values) = folder.Cases(experiment);
            var pairs = header.Select((name, i) => (name, i))
                .Where(c => c.name.StartsWith("erfa.", StringComparison.Ordinal))
                .Select(c => (c.name, C: c.i, Dotnet: header.ToList().IndexOf("erfa-dotnet." + c.name["erfa.".Length..])))
                .ToList();
            Assert.NotEmpty(pairs);
            Assert.All(pairs, p => Assert.True(p.Dotnet > 0, $"{experiment}: no erfa-dotnet column for {p.name}"));
            Assert.All(pairs, p => Assert.Equal(values[p.C].Select(BitConverter.DoubleToInt64Bits), values[p.Dotnet].Select(BitConverter.DoubleToInt64Bits)));
        }
    }

    [Fact]
    public async Task PublishedEraPnm06aMatrix_ComesThroughLibraryImport()
    {
        var row = (await AdapterCall.AccuracyAsync("erfa-dotnet", "frame_rotation_bpn", [2450124.4999, 1, 0, 0]))[0];

        // t_erfa_c.c, t_pnm06a: rbpn[0][0], [1][2], [2][2].
        Assert.True(Math.Abs(row[3] - 0.9999995832794205484) <= 1e-12);
        Assert.True(Math.Abs(row[8] - 0.4132905944611019498e-4) <= 1e-14);
        Assert.True(Math.Abs(row[11] - 0.9999999329094260057) <= 1e-12);
    }
}
