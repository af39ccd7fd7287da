using System.Globalization;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>The cluster as AstroBench uses it: submit (sbatch), ask (scontrol, then the jobcomp log), signal (scancel), list (sinfo).</summary>
internal sealed class SlurmClient(IOptions<Hosting.AstroBenchServerOptions> options)
{
    private readonly SlurmOptions _options = options.Value.Slurm;
    private SlurmCli Cli => new(_options);

    /// <summary>Submits the job; returns Slurm's job id. Throws with sbatch's message when it refuses.</summary>
    public async Task<long> SubmitAsync(SubmitRequest request, string labRoot)
    {
        var script = SlurmSubmission.EnsureScript(labRoot);
        var result = await Cli.RunAsync("sbatch", SlurmSubmission.SbatchArguments(request, script));
        // --parsable prints "jobid" or "jobid;cluster".
        if (!result.Ok || !long.TryParse(result.Stdout.Trim().Split(';')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InvalidOperationException("sbatch: " + result.Message);
        }
        return id;
    }

    /// <summary>The job's state; from the job-completion log once the controller forgot it; null when Slurm knows nothing of it.</summary>
    public SlurmJobState? Query(long slurmJobId)
    {
        var id = slurmJobId.ToString(CultureInfo.InvariantCulture);
        var result = Cli.Run("scontrol", ["show", "job", "-o", id]);
        if (result.Ok && SlurmJobState.Parse(result.Stdout) is { } state)
        {
            return state;
        }
        if (!result.Ok && !result.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("scontrol: " + result.Message);
        }
        return FromJobCompLog(id);
    }

    private SlurmJobState? FromJobCompLog(string id)
    {
        if (!File.Exists(_options.JobCompLog))
        {
            return null;
        }
        var prefix = "JobId=" + id + " ";
        SlurmJobState? last = null;
        foreach (var line in File.ReadLines(_options.JobCompLog))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                last = SlurmJobState.Parse(line) ?? last;
            }
        }
        return last;
    }

    /// <summary><c>scancel --signal=SIG --full</c>: every process of the job (batch script included), not only its steps.</summary>
    public SlurmCli.Result Signal(long slurmJobId, string signal) =>
        Cli.Run("scancel", ["--signal=" + signal, "--full", slurmJobId.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>
    /// <c>scancel --signal=SIG --batch</c>: the batch step's own process only (the orchestrator: the job script execs it), not the
    /// adapters it started — what a pause needs (docs/slurm.md).
    /// </summary>
    public SlurmCli.Result SignalBatch(long slurmJobId, string signal) =>
        Cli.Run("scancel", ["--signal=" + signal, "--batch", slurmJobId.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Partitions (the default one marked with *), as <c>sinfo</c> lists them; throws when the cluster does not answer.</summary>
    public IReadOnlyList<string> Partitions() => Lines(Cli.Run("sinfo", ["-h", "-o", "%P"]));

    /// <summary>Node features usable as constraints.</summary>
    public IReadOnlyList<string> Features() =>
        [.. Lines(Cli.Run("sinfo", ["-h", "-o", "%f"])).SelectMany(f => f.Split(',')).Where(f => f is { Length: > 0 } and not "(null)").Distinct()];

    private static IReadOnlyList<string> Lines(SlurmCli.Result result) => result.Ok
        ? [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()]
        : throw new InvalidOperationException("sinfo: " + result.Message);
}
