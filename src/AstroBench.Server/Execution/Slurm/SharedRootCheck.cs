using System.Globalization;
using System.Security.Cryptography;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// Start-up check of a Slurm lab (docs/slurm.md): the lab root must be the same directory on the nodes, since jobs write their
/// results, log and exit record there. The server writes a file with a fresh random nonce under <c>&lt;root&gt;/slurm/</c> and runs
/// one small job per checked partition (<c>srun</c>) that prints the node's name and the file as that node reads it; any other
/// answer (no such file, other content: the node has its own directory at that path) throws <see cref="SharedRootCheckException"/>
/// with one line naming the lab root and the node. <c>AstroBench:Slurm:SharedRootCheck=false</c> skips it.
/// </summary>
internal sealed class SharedRootCheck(IOptions<AstroBenchServerOptions> options, ServerPaths paths)
{
    /// <summary>The node side: a fixed script (the file's path is its argument, never part of the text).</summary>
    public const string Probe = "printf '%s\\n' \"${SLURMD_NODENAME:-?}\"; exec cat -- \"$1\"";

    public void EnsureShared()
    {
        var o = options.Value;
        if (o.Executor != JobPlacement.Slurm || !o.Slurm.SharedRootCheck)
        {
            return;
        }
        var dir = Path.Combine(paths.Root, "slurm");
        Directory.CreateDirectory(dir);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var file = Path.Combine(dir, "root-check-" + nonce);
        File.WriteAllText(file, nonce + "\n");
        try
        {
            IReadOnlyList<string?> partitions = o.Slurm.SharedRootCheckPartitions is { Count: > 0 } listed ? [.. listed] : [o.Slurm.Partition];
            foreach (var partition in partitions)
            {
                CheckOn(o.Slurm, partition, file, nonce);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private void CheckOn(SlurmOptions slurm, string? partition, string file, string nonce)
    {
        var where = partition is null ? "the default partition" : "partition " + partition;
        var args = new List<string>
        {
            "--nodes=1", "--ntasks=1", "--quiet", "--job-name=astrobench-root-check",
            "--immediate=" + Math.Max(1, slurm.SharedRootCheckSeconds).ToString(CultureInfo.InvariantCulture),
        };
        if (partition is not null)
        {
            args.Add("--partition=" + partition);
        }
        if (slurm.Constraint is { Length: > 0 } constraint)
        {
            args.Add("--constraint=" + constraint);
        }
        args.AddRange(slurm.SharedRootCheckWrapper);
        args.AddRange(["/bin/sh", "-c", Probe, "astrobench-root-check", file]);
        SlurmCli.Result result;
        try
        {
            result = new SlurmCli(slurm).RunAsync("srun", args, limit: TimeSpan.FromSeconds(Math.Max(1, slurm.SharedRootCheckSeconds) + 30))
                .GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TimeoutException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Refuse($"the shared lab root check could not run a Slurm job on {where}: {ex.Message}");
        }
        var lines = result.Stdout.Split('\n');
        var node = lines[0] is { Length: > 0 } n ? n : "?";
        var read = lines.Length > 1 ? lines[1] : "";
        if (result.Ok && read == nonce)
        {
            return;
        }
        throw Refuse(lines.Length > 1 || result.Stdout.Length > 0
            ? $"the lab root {paths.Root} is not on a file system shared with Slurm node {node} ({where}): the node " +
              (result.Ok ? "reads other content in " : $"cannot read ({result.Message}) ") + file
            : $"the shared lab root check could not run a Slurm job on {where}: {result.Message}");
    }

    private static SharedRootCheckException Refuse(string line) =>
        new(line + " (docs/slurm.md; AstroBench:Slurm:SharedRootCheck=false skips this check)");
}
