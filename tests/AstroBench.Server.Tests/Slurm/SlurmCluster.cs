using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>The test cluster from outside AstroBench: is it up, a job of another user to keep the node busy, its state.</summary>
internal static class SlurmCluster
{
    /// <summary>Fails (never skips) with what sinfo said when the node is not up: the Slurm tests expect the cluster.</summary>
    public static void AssertUp()
    {
        var (code, output) = Run("sinfo", "-h", "-o", "%t");
        Assert.True(code == 0 && output.Split('\n').Any(s => s.Trim() is "idle" or "mix" or "alloc" or "comp"),
            $"the Slurm cluster is not up (run scripts/slurm-up.sh): sinfo exit {code}: {output}");
    }

    /// <summary>Submits a job that holds the whole node until cancelled; returns its Slurm job id.</summary>
    public static long HoldTheNode()
    {
        var (code, output) = Run("sbatch", "--parsable", "--exclusive", "--job-name=node-holder", "--output=/dev/null", "--wrap", "sleep 600");
        Assert.True(code == 0, "sbatch: " + output);
        return long.Parse(output.Trim().Split(';')[0], CultureInfo.InvariantCulture);
    }

    public static string State(long jobId) => Run("squeue", "-h", "-j", jobId.ToString(CultureInfo.InvariantCulture), "-o", "%T").Output.Trim();

    public static void Cancel(long jobId) => Run("scancel", jobId.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Cancels every job the tests left in the cluster (AstroBench's are named <c>astrobench-&lt;job&gt;</c>): a Slurm job outlives
    /// the test server by design, and one left running would hold the node for the next test.
    /// </summary>
    public static void CancelTestJobs()
    {
        foreach (var line in Run("squeue", "-h", "-o", "%i %j").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Split(' ') is [var id, var name] && (name.StartsWith("astrobench-", StringComparison.Ordinal) || name == "node-holder"))
            {
                Run("scancel", "--signal=KILL", "--full", id);
            }
        }
    }

    public static string Hostname() => Run("hostname", "-s").Output.Trim();

    public static (int Code, string Output) Run(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
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
