using System.Net;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Queue;

/// <summary>Pause helpers over a <see cref="Lab"/>: the two-experiment gate job, pause/resume calls and the published run.</summary>
internal static class PauseLab
{
    /// <summary>gmst_era then kepler_solver through the gate fixture, accuracy only (the comparison is byte for byte).</summary>
    public static object TwoExperiments(int priority = 0) =>
        new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 20, no_perf = true, priority };

    public static async Task<JsonNode> Pause(this Lab lab, string id, string? mode = null)
    {
        var (response, job) = await lab.PostJson($"/api/benchmark/jobs/{id}/pause" + (mode is null ? "" : "?mode=" + mode), null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"pause: {(int)response.StatusCode} {job}");
        return job!;
    }

    public static async Task<JsonNode> Resume(this Lab lab, string id)
    {
        var (response, job) = await lab.PostJson($"/api/benchmark/jobs/{id}/resume", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resume: {(int)response.StatusCode} {job}");
        return job!;
    }

    /// <summary>The job's published run folder once it completed.</summary>
    public static async Task<string> Published(this Lab lab, string id)
    {
        var job = await lab.WaitTerminal(id);
        Assert.True(job["status"]!.GetValue<string>() == "completed", job.ToJsonString());
        return Path.Combine(lab.ResultsDir, job["run_id"]!.GetValue<string>());
    }

    /// <summary>The same job run straight through in a lab of its own (created and gone before the test's lab, which owns the gate directory).</summary>
    public static async Task<string> Uninterrupted()
    {
        var lab = new Lab();
        using (lab)
        {
            lab.Open("all");
            var id = await lab.Enqueue(TwoExperiments());
            var run = await lab.Published(id);
            var copy = Directory.CreateTempSubdirectory("astrobench-straight-").FullName;
            var target = Path.Combine(copy, Path.GetFileName(run));
            CopyTree(run, target);
            lab.DeleteRoot();
            return target;
        }
    }

    public static List<string> Staging(this Lab lab)
    {
        var dir = Path.Combine(lab.ResultsDir, ".staging");
        return Directory.Exists(dir) ? [.. Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OfType<string>()] : [];
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
