using System.Net;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>A job's executor, partition and constraint are checked against what the lab and the cluster have (422 with a detail).</summary>
public sealed class SlurmPlacementTests
{
    [Fact]
    public async Task ALocalLab_RefusesASlurmJob_AndSaysSlurmIsNotConfigured()
    {
        using var lab = new Lab();
        var (response, body) = await lab.PostJson("/api/benchmark/start", new { experiments = new[] { "gmst_era" }, n = 10, executor = "slurm" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not configured", body!["errors"]!["executor"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var executors = await lab.GetJson("/api/executors");
        Assert.False(executors["slurm_configured"]!.GetValue<bool>());
        Assert.Equal("local", executors["default"]!.GetValue<string>());
        lab.DeleteRoot();
    }

    [Fact]
    public async Task AnUnknownExecutor_Is422()
    {
        using var lab = new Lab();
        var (response, body) = await lab.PostJson("/api/benchmark/jobs", new { experiments = new[] { "gmst_era" }, n = 10, executor = "kubernetes" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(body!["errors"]!["executor"]);
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task ASlurmLab_ListsThePartitions_AndRefusesAnUnknownPartitionOrALocalOnlyLimit()
    {
        SlurmCluster.AssertUp();
        using var lab = new Lab(settings: SlurmExecutorTests.SlurmLab);

        var executors = await lab.GetJson("/api/executors");
        Assert.True(executors["slurm_configured"]!.GetValue<bool>());
        Assert.Contains("debug", executors["partitions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("debug", executors["default_partition"]!.GetValue<string>());
        SeedContract.SeedShape.AssertMatches(Queue.QueueDocsTests.DocExample("executors", "slurm.md"), executors);
        var (unknown, body) = await lab.PostJson("/api/benchmark/start", new { experiments = new[] { "gmst_era" }, n = 10, partition = "gpu-nope" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("gpu-nope", body!["errors"]!["partition"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var (limited, _) = await lab.PostJson("/api/benchmark/start", new { experiments = new[] { "gmst_era" }, n = 10, cpu_set = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, limited.StatusCode);
        var (constraint, _) = await lab.PostJson("/api/benchmark/start", new { experiments = new[] { "gmst_era" }, n = 10, constraint = "avx1024" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, constraint.StatusCode);
        Assert.Empty((await lab.GetJson("/api/benchmark/jobs")).AsArray());
        lab.DeleteRoot();
    }
}
