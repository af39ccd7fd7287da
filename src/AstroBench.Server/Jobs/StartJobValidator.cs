using System.Globalization;
using AstroBench.Core.Results;
using AstroBench.Core.Running;
using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Server.Jobs;

/// <summary>Server-side limits (<see cref="RunLimits"/>) on a start request; every rule answers with a field message (422).</summary>
internal static class StartJobValidator
{

    /// <param name="limitDefaults">The server's <c>AstroBench:JobLimits</c>, merged under the request's own limits (docs/limits.md).</param>
    /// <param name="slurm">The lab's executors (docs/slurm.md); null where placement is not asked for (the lab's default applies).</param>
    public static (JobConfig? Config, string? Notes, Dictionary<string, string[]> Errors) Validate(StartJobRequest? request,
        Execution.Limits.JobLimitsOptions? limitDefaults = null, Execution.Slurm.SlurmCatalog? slurm = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        if (request is null)
        {
            Add("body", "A JSON body is required.");
            return (null, null, errors);
        }
        // Missing means ["all"], the original lab's BenchmarkRequest default.
        var experiments = request.Experiments ?? ["all"];
        if (experiments.Count == 0)
        {
            Add("experiments", "At least one experiment (or [\"all\"]) is required.");
        }
        else if (experiments.Count > RunLimits.MaxExperiments)
        {
            Add("experiments", Inv($"At most {RunLimits.MaxExperiments} experiments."));
        }
        else if (!(experiments is ["all"]))
        {
            foreach (var e in experiments)
            {
                if (!RunIds.IsValidExperiment(e) || ExperimentCatalog.Find(e) is null)
                {
                    Add("experiments", $"Unknown experiment '{Clip(e)}'.");
                }
            }
            if (experiments.Distinct(StringComparer.Ordinal).Count() != experiments.Count)
            {
                Add("experiments", "Experiments must not repeat.");
            }
        }
        if (request.Libraries is { } libs)
        {
            if (libs.Count == 0 || libs.Count > RunLimits.MaxLibraries)
            {
                Add("libraries", Inv($"Give null (all) or 1 to {RunLimits.MaxLibraries} library names."));
            }
            foreach (var l in libs)
            {
                if (!RunIds.IsValidLibrary(l))
                {
                    Add("libraries", $"Invalid library name '{Clip(l)}' (pattern ^[a-z][a-z0-9_-]{{0,39}}$).");
                }
            }
            if (libs.Distinct(StringComparer.Ordinal).Count() != libs.Count)
            {
                Add("libraries", "Libraries must not repeat.");
            }
        }
        var n = request.N ?? RunLimits.DefaultN;
        if (n is < RunLimits.MinN or > RunLimits.MaxN)
        {
            Add("n", Inv($"n must be between {RunLimits.MinN} and {RunLimits.MaxN}."));
        }
        var seed = request.Seed ?? RunLimits.DefaultSeed;
        if (seed is < RunLimits.MinSeed or > RunLimits.MaxSeed)
        {
            Add("seed", Inv($"seed must be between {RunLimits.MinSeed} and {RunLimits.MaxSeed}."));
        }
        var rounds = request.PerfRounds ?? RunLimits.DefaultPerfRounds;
        if (rounds is < RunLimits.MinPerfRounds or > RunLimits.MaxPerfRounds)
        {
            Add("perf_rounds", Inv($"perf_rounds must be between {RunLimits.MinPerfRounds} and {RunLimits.MaxPerfRounds}."));
        }
        // The adaptive round rule, with the CLI's ranges (RunOptionsValidator, docs/cli.md).
        if (request.MaxPerfRounds is { } max && (max < rounds || max > RunLimits.MaxPerfRounds))
        {
            Add("max_perf_rounds", Inv($"max_perf_rounds must be between perf_rounds ({rounds}) and {RunLimits.MaxPerfRounds}."));
        }
        if (request.PerfCvTargetPercent is { } cv && !(cv is >= RoundsPolicy.MinCvTargetPercent and <= RoundsPolicy.MaxCvTargetPercent))
        {
            Add("perf_cv_target_percent", Inv($"perf_cv_target_percent must be between {RoundsPolicy.MinCvTargetPercent} and {RoundsPolicy.MaxCvTargetPercent}."));
        }
        if (request.PerfBudgetSeconds is { } budget && !(budget is >= 0 and <= RoundsPolicy.MaxBudgetSecondsPerLibrary))
        {
            Add("perf_budget_seconds", Inv($"perf_budget_seconds must be between 0 and {RoundsPolicy.MaxBudgetSecondsPerLibrary}."));
        }
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes;
        if (notes is not null)
        {
            if (notes.Length > RunLimits.MaxNotesLength)
            {
                Add("notes", Inv($"notes must be at most {RunLimits.MaxNotesLength} characters."));
            }
            if (notes.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
            {
                Add("notes", "notes must not contain control characters.");
            }
        }
        var limits = Execution.Limits.JobLimitsValidator.Validate(new(request.CpuSet, request.Nice, request.MemoryMb, request.TimeoutS), limitDefaults, Add);
        var placement = slurm?.Validate(request.Executor, request.Partition, request.Constraint, Add);
        if (placement is { IsSlurm: true } && limits is { CpuSet: not null } or { Nice: not null } or { MemoryMb: not null })
        {
            // On a cluster the node's resources are Slurm's to give (cgroups, --exclusive); only timeout_s is the server's.
            Add("executor", "cpu_set, nice and memory_mb apply to the local executor only.");
        }
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }
        return (new JobConfig(experiments, request.Libraries, n, (int)seed, rounds, request.NoPerf ?? false, request.CiMode ?? false, limits, placement,
            request.MaxPerfRounds, request.PerfCvTargetPercent, request.PerfBudgetSeconds), notes, errors);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string? s) => s is null ? "null" : s.Length > 40 ? s[..40] + "…" : s;
}
