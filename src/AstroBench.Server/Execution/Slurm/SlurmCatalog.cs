using System.Text.RegularExpressions;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// What the lab offers: the executors, and when Slurm is configured (<c>AstroBench:Executor = slurm</c>) the cluster's partitions
/// and node features, read from <c>sinfo</c>. Validates a job's <c>executor</c>, <c>partition</c> and <c>constraint</c> against them.
/// </summary>
internal sealed partial class SlurmCatalog(IOptions<Hosting.AstroBenchServerOptions> options, SlurmClient client)
{
    public bool Configured => options.Value.Executor == JobPlacement.Slurm;

    public string DefaultExecutor => Configured ? JobPlacement.Slurm : JobPlacement.Local;

    /// <summary>Partition names; the cluster's default (marked <c>*</c> by sinfo) in <paramref name="defaultPartition"/>.</summary>
    public IReadOnlyList<string> Partitions(out string? defaultPartition)
    {
        var raw = client.Partitions();
        defaultPartition = options.Value.Slurm.Partition ?? raw.FirstOrDefault(p => p.EndsWith('*'))?.TrimEnd('*');
        return [.. raw.Select(p => p.TrimEnd('*'))];
    }

    public IReadOnlyList<string> Constraints() => client.Features();

    /// <summary>The job's placement (null: a local lab and a local job), or field errors through <paramref name="add"/>.</summary>
    public JobPlacement? Validate(string? executor, string? partition, string? constraint, Action<string, string> add)
    {
        var chosen = executor ?? DefaultExecutor;
        if (chosen is not (JobPlacement.Local or JobPlacement.Slurm))
        {
            add("executor", "executor must be \"local\" or \"slurm\".");
            return null;
        }
        if (chosen == JobPlacement.Slurm && !Configured)
        {
            add("executor", "Slurm is not configured on this lab (AstroBench:Executor = slurm, docs/slurm.md).");
            return null;
        }
        if (chosen == JobPlacement.Local)
        {
            if (partition is not null || constraint is not null)
            {
                add(partition is not null ? "partition" : "constraint", "partition and constraint apply to the slurm executor only.");
            }
            return Configured ? new JobPlacement(JobPlacement.Local) : null;
        }
        try
        {
            if (partition is not null && (!Name().IsMatch(partition) || !Partitions(out _).Contains(partition, StringComparer.Ordinal)))
            {
                add("partition", $"Unknown partition '{Clip(partition)}' (see GET /api/executors).");
            }
            if (constraint is not null && (!Name().IsMatch(constraint) || !Constraints().Contains(constraint, StringComparer.Ordinal)))
            {
                add("constraint", $"No node has the feature '{Clip(constraint)}' (see GET /api/executors).");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            add("executor", "The Slurm cluster does not answer: " + ex.Message);
        }
        return new JobPlacement(JobPlacement.Slurm, partition, constraint);
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Name();
}
