using System.Diagnostics;
using System.Runtime.InteropServices;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>Describes the machine a run happened on, for the manifest. Every probe degrades to "unknown".</summary>
public static class EnvironmentProbe
{
    /// <summary>
    /// Its three commands (<c>git rev-parse</c>, <c>git status</c>, <c>cc --version</c>) run at once; the
    /// orchestrator starts it beside the accuracy work, so a run's end no longer waits for three processes in a row.
    /// </summary>
    public static async Task<RunEnvironment> CaptureAsync(string? repoRoot)
    {
        var shaTask = repoRoot is null ? Task.FromResult<string?>(null) : Task.Run(() => FirstLine("git", ["-C", repoRoot, "rev-parse", "HEAD"]));
        var statusTask = repoRoot is null ? Task.FromResult<string?>(null) : Task.Run(() => Output("git", ["-C", repoRoot, "status", "--porcelain", "--untracked-files=no"]));
        var compilerTask = Task.Run(() => FirstLine("cc", ["--version"]));
        await Task.WhenAll(shaTask, statusTask, compilerTask);
        RunTrace.Mark("environment probed");
        var sha = await shaTask;
        // The status only counts for a checkout git knows (a HEAD), as when the two commands ran one after the other.
        var status = await statusTask;
        bool? dirty = sha is null ? null : !string.IsNullOrEmpty(status?.Trim());
        return new RunEnvironment(
            Environment.MachineName,
            CpuModel(),
            Environment.ProcessorCount,
            OsName(),
            RuntimeInformation.FrameworkDescription,
            await compilerTask ?? "unknown",
            sha,
            dirty,
            // Set by Slurm in a batch job's environment (docs/slurm.md): which cluster job, node and partition produced the run.
            Slurm("SLURM_JOB_ID"),
            Slurm("SLURMD_NODENAME"),
            Slurm("SLURM_JOB_PARTITION"),
            // Slurm exports no variable for --constraint: the server's submission does (SlurmSubmission).
            Slurm(ConstraintVariable));
    }

    /// <summary>The node constraint a Slurm job was submitted with (empty or unset: none); part of the run's testbed.</summary>
    public const string ConstraintVariable = "ASTROBENCH_SLURM_CONSTRAINT";

    private static string? Slurm(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : null;

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
    }

    private static string? FirstLine(string program, string[] args) =>
        Output(program, args)?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();

    private static string? Output(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        try
        {
            using var p = Process.Start(psi);
            if (p is null)
            {
                return null;
            }
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit(5000);
            return p.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
