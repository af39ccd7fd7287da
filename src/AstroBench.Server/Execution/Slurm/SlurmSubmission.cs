namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// The sbatch argument list for a <see cref="SubmitRequest"/>. The job script only runs its own arguments
/// (<c>exec "$@"</c>), and the orchestrator's command line follows it as sbatch's arguments: no shell string is ever built.
/// </summary>
internal static class SlurmSubmission
{
    public const string ScriptText = "#!/bin/sh\n# AstroBench's Slurm job script: runs the command it is given as arguments (docs/slurm.md).\nexec \"$@\"\n";

    public static IReadOnlyList<string> SbatchArguments(SubmitRequest r, string script)
    {
        var args = new List<string>
        {
            "--parsable",
            "--job-name=astrobench-" + r.JobId,
            "--chdir=" + r.WorkDir,
            "--output=/dev/null",
            "--error=" + r.StderrFile,
            // The job inherits the server's environment (adapter paths, DOTNET_ROOT, ASTROBENCH_* settings) and is tagged
            // with its job id as a local one is (ASTROBENCH_JOB_ID), and with its constraint, which goes into the run's testbed
            // (always set, so a value in the server's own environment never leaks into a job without one).
            "--export=ALL,ASTROBENCH_JOB_ID=" + r.JobId + "," + Core.Running.EnvironmentProbe.ConstraintVariable + "=" + ExportSafe(r.Constraint),
            "--nodes=1",
            "--ntasks=1",
        };
        if (r.Exclusive)
        {
            args.Add("--exclusive");
        }
        if (r.Partition is { Length: > 0 } p)
        {
            args.Add("--partition=" + p);
        }
        if (r.Constraint is { Length: > 0 } c)
        {
            args.Add("--constraint=" + c);
        }
        args.Add(script);
        args.AddRange(r.Command);
        return args;
    }

    /// <summary>--export splits at commas: a constraint with one (not a feature name; an expression) is recorded without them.</summary>
    private static string ExportSafe(string? constraint) => (constraint ?? "").Replace(",", "", StringComparison.Ordinal);

    /// <summary>Writes the job script under the lab root (atomically; it is the same text every time). sbatch reads it: no exec bit needed.</summary>
    public static string EnsureScript(string labRoot)
    {
        var dir = Path.Combine(labRoot, "slurm");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "astrobench-job.sh");
        if (!File.Exists(path) || File.ReadAllText(path) != ScriptText)
        {
            var temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(temp, ScriptText);
            File.Move(temp, path, overwrite: true);
        }
        return path;
    }
}
