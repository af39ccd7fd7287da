using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.Tests.Testbeds;

/// <summary>Issue 12: a Slurm job's partition and constraint are part of its testbed; a run outside Slurm keeps the key it always had.</summary>
public sealed class TestbedSlurmTests
{
    private static Testbed Sample(string? partition, string? constraint) =>
        Testbed.Create("AMD EPYC 7B13", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc 14.2.0", null, partition, constraint);

    [Fact]
    public void PartitionAndConstraint_ChangeTheKey()
    {
        var keys = new[] { Sample(null, null), Sample("debug", null), Sample("bench", null), Sample("debug", "bench"), Sample(null, "bench") }
            .Select(t => t.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void WithoutSlurm_TheCanonicalTextHasNoSlurmLines_AndTheJsonNoSlurmFields()
    {
        var local = Sample(null, null);
        Assert.DoesNotContain("slurm", Testbed.CanonicalText("AMD EPYC 7B13", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc 14.2.0", null),
            StringComparison.Ordinal);
        Assert.DoesNotContain("slurm", JsonSerializer.Serialize(local, ResultJson.Options), StringComparison.Ordinal);
        var slurm = Sample("debug", "bench");
        var json = JsonSerializer.Serialize(slurm, ResultJson.Options);
        Assert.Contains("\"slurm_partition\":\"debug\"", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(slurm, JsonSerializer.Deserialize<Testbed>(json, ResultJson.Options));
    }
}
