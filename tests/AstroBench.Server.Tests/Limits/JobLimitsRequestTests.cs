using System.Net;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Limits;

/// <summary>Limit fields on /start and /jobs: 422 with field messages, server defaults, and a machine without a cgroup.</summary>
public sealed class JobLimitsRequestTests
{
    public static TheoryData<string, string, object> Invalid() => new()
    {
        { "/api/benchmark/start", "cpu_set", "64" },
        { "/api/benchmark/jobs", "cpu_set", "0-x" },
        { "/api/benchmark/start", "cpu_set", "1-0" },
        { "/api/benchmark/start", "nice", 20 },
        { "/api/benchmark/jobs", "nice", -1 },
        { "/api/benchmark/start", "memory_mb", 63 },
        { "/api/benchmark/jobs", "memory_mb", 2_000_000 },
        { "/api/benchmark/start", "timeout_s", 0 },
        { "/api/benchmark/jobs", "timeout_s", 604_801 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task AnInvalidLimit_Answers422WithAFieldMessage(string url, string field, object value)
    {
        using var lab = new Lab();
        try
        {
            var (response, body) = await lab.PostJson(url, LimitsLab.Quick(new() { [field] = value }));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var messages = body!["errors"]![field]!.AsArray();
            Assert.Contains(field, messages[0]!.GetValue<string>());
            Assert.Empty((await lab.GetJson("/api/benchmark/jobs")).AsArray());
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task ServerDefaults_Apply_AndARequestsOwnLimitsWin()
    {
        using var lab = new Lab(settings: new() { ["AstroBench:JobLimits:Nice"] = "5", ["AstroBench:JobLimits:TimeoutSeconds"] = "3600" });
        try
        {
            var first = await lab.Start(LimitsLab.Quick());
            Assert.Equal(5, first["limits"]!["nice"]!.GetValue<int>());
            Assert.Equal(3600, first["limits"]!["timeout_s"]!.GetValue<int>());
            Assert.Equal("completed", LimitsLab.Str(await lab.WaitTerminal(LimitsLab.Id(first)), "status"));

            var (created, second) = await lab.PostJson("/api/benchmark/jobs", LimitsLab.Quick(new() { ["nice"] = 2 }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(2, second!["limits"]!["nice"]!.GetValue<int>());
            Assert.Equal("completed", LimitsLab.Str(await lab.WaitTerminal(LimitsLab.Id(second)), "status"));
        }
        finally
        {
            lab.DeleteRoot();
        }
    }

    [Fact]
    public async Task WithoutACgroupOrRlimit_AMemoryLimit_IsRefusedWithItsReason_NeverSilentlyDropped()
    {
        using var lab = new Lab(settings: new() { ["AstroBench:JobLimits:UseCgroup"] = "false", ["AstroBench:JobLimits:UseRlimit"] = "false" });
        try
        {
            var id = LimitsLab.Id(await lab.Start(LimitsLab.Quick(new() { ["memory_mb"] = 64 })));
            JsonNode job = await lab.WaitTerminal(id);
            Assert.Equal("failed", LimitsLab.Str(job, "status"));
            Assert.Equal("start_failed: memory_mb 64 cannot be enforced: AstroBench:JobLimits:UseCgroup is false and AstroBench:JobLimits:UseRlimit is false; the job was not started",
                LimitsLab.Str(job, "reason"));
            Assert.Null(job["started_at"]);
            Assert.Empty(lab.RunFolders());
            Assert.False(Directory.Exists(Path.Combine(Execution.Limits.MemoryCgroup.V1Root, "astrobench", id)));
            var next = LimitsLab.Id(await lab.Start(LimitsLab.Quick()));
            Assert.Equal("completed", LimitsLab.Str(await lab.WaitTerminal(next), "status"));
        }
        finally
        {
            lab.DeleteRoot();
        }
    }
}
