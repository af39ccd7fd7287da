using System.Diagnostics;
using AstroBench.Core.Orchestration;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>Issue 12: the CLI on this machine and a job through Slurm give byte-identical accuracy results for one config.</summary>
public sealed class SlurmSameResultsTests : IDisposable
{
    public SlurmSameResultsTests() => SlurmCluster.AssertUp();

    public void Dispose() => SlurmCluster.CancelTestJobs();

    [SlurmFact]
    public async Task CliLocalAndSlurmJob_GiveByteIdenticalAccuracyResults()
    {
        using var lab = new Lab(settings: SlurmExecutorTests.SlurmLab);
        var job = await lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "erfa" }, n = 200, seed = 7, no_perf = true });
        var done = await lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var slurmRun = Path.Combine(lab.ResultsDir, done["run_id"]!.GetValue<string>());

        var localResults = Path.Combine(lab.Root, "cli-results");
        var cli = RunCli(RunCommandLine.Build(new RunArguments
        {
            Experiments = ["gmst_era", "kepler_solver"],
            Libraries = ["erfa"],
            N = 200,
            Seed = 7,
            NoPerf = true,
            ResultsDir = localResults,
            AdapterDirs = [Path.Combine(Lab.RepoRoot, "adapters")],
        }));
        Assert.True(cli.Code == 0, "astrobench run: " + cli.Output);
        var localRun = Assert.Single(Directory.GetDirectories(localResults), d => !Path.GetFileName(d).StartsWith('.'));

        // Every experiment file (metrics, per-case data, summaries): the manifest alone names the run, the node and the Slurm job.
        var files = ExperimentFiles(localRun);
        Assert.NotEmpty(files);
        Assert.Equal(files, ExperimentFiles(slurmRun));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(localRun, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(slurmRun, file))),
                $"{file} differs byte for byte between the CLI and the Slurm job");
        }
        lab.DeleteRoot();
    }

    private static List<string> ExperimentFiles(string run) => Directory.GetDirectories(run)
        .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
        .Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal).ToList();

    private static (int Code, string Output) RunCli(IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Lab.OrchestratorDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }
}
