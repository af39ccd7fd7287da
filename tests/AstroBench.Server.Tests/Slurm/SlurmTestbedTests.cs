using System.Net;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>
/// Issue 12: partitions and constraints appear as testbeds. Jobs on the same node through two partitions, or with a node
/// constraint, publish runs whose testbeds differ (so their history series never mix), and each manifest names its Slurm job and node.
/// </summary>
public sealed class SlurmTestbedTests : IDisposable
{
    public SlurmTestbedTests() => SlurmCluster.AssertUp();

    public void Dispose() => SlurmCluster.CancelTestJobs();

    [SlurmFact]
    public async Task JobsOnTwoPartitions_OrWithAConstraint_HaveDifferentTestbedKeys_AndTheManifestRecordsThem()
    {
        using var lab = new Lab(settings: SlurmExecutorTests.SlurmLab);
        var debug = await Submit(lab, "debug", null);
        var bench = await Submit(lab, "bench", null);
        var constrained = await Submit(lab, "debug", "bench");

        var testbeds = new List<JsonNode>();
        foreach (var (id, partition, constraint) in new[] { (debug, "debug", (string?)null), (bench, "bench", null), (constrained, "debug", "bench") })
        {
            var done = await lab.WaitTerminal(id);
            Assert.True(done["status"]!.GetValue<string>() == "completed", done.ToJsonString());
            Assert.Equal(partition, done["partition"]!.GetValue<string>());
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(lab.ResultsDir, done["run_id"]!.GetValue<string>(), "manifest.json")))!;
            Assert.Equal(done["slurm_job_id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture),
                manifest["environment"]!["slurm_job_id"]!.GetValue<string>());
            Assert.Equal(SlurmCluster.Hostname(), manifest["environment"]!["slurm_node"]!.GetValue<string>());
            var testbed = manifest["testbed"]!;
            Assert.Equal(partition, testbed["slurm_partition"]!.GetValue<string>());
            Assert.Equal(constraint, testbed["slurm_constraint"]?.GetValue<string>());
            testbeds.Add(testbed);
        }

        // Same node, same hardware and software: only the partition or the constraint tells the three apart.
        Assert.Single(testbeds.Select(t => t["cpu_model"]!.GetValue<string>()).Distinct());
        Assert.Equal(3, testbeds.Select(t => t["key"]!.GetValue<string>()).Distinct().Count());
        lab.DeleteRoot();
    }

    private static async Task<string> Submit(Lab lab, string partition, string? constraint)
    {
        var (response, job) = await lab.PostJson("/api/benchmark/jobs", constraint is null
            ? new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 20, no_perf = true, partition }
            : new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 20, no_perf = true, partition, constraint = (string?)constraint });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"enqueue: {(int)response.StatusCode} {job}");
        return job!["job_id"]!.GetValue<string>();
    }
}
