using System.Globalization;

namespace AstroBench.Core.Running;

/// <summary>The limits of <see cref="RunLimits"/> (docs/cli.md), one readable message per violation.</summary>
public static class RunOptionsValidator
{
    public static IReadOnlyList<string> Validate(RunOptions options)
    {
        var errors = new List<string>();
        if (options.N is < RunLimits.MinN or > RunLimits.MaxN)
        {
            errors.Add(Inv($"--n must be between {RunLimits.MinN:N0} and {RunLimits.MaxN:N0} (got {options.N})"));
        }
        if (options.Seed is < RunLimits.MinSeed or > RunLimits.MaxSeed)
        {
            errors.Add(Inv($"--seed must be between {RunLimits.MinSeed} and {RunLimits.MaxSeed} (got {options.Seed})"));
        }
        if (options.PerfRounds is < RunLimits.MinPerfRounds or > RunLimits.MaxPerfRounds)
        {
            errors.Add(Inv($"--perf-rounds must be between {RunLimits.MinPerfRounds} and {RunLimits.MaxPerfRounds} (got {options.PerfRounds})"));
        }
        if (options.MaxPerfRounds is < RunLimits.MinPerfRounds or > RunLimits.MaxPerfRounds)
        {
            errors.Add(Inv($"--max-perf-rounds must be between {RunLimits.MinPerfRounds} and {RunLimits.MaxPerfRounds} (got {options.MaxPerfRounds})"));
        }
        else if (options.MaxPerfRounds < options.PerfRounds)
        {
            errors.Add(Inv($"--max-perf-rounds ({options.MaxPerfRounds}) must be at least --perf-rounds ({options.PerfRounds})"));
        }
        if (!(options.PerfCvTargetPercent is >= RoundsPolicy.MinCvTargetPercent and <= RoundsPolicy.MaxCvTargetPercent))
        {
            errors.Add(Inv($"--perf-cv-target must be between {RoundsPolicy.MinCvTargetPercent} and {RoundsPolicy.MaxCvTargetPercent} percent (got {options.PerfCvTargetPercent})"));
        }
        if (!(options.PerfBudgetSeconds is >= 0 and <= RoundsPolicy.MaxBudgetSecondsPerLibrary))
        {
            errors.Add(Inv($"--perf-budget must be between 0 and {RoundsPolicy.MaxBudgetSecondsPerLibrary} seconds (got {options.PerfBudgetSeconds})"));
        }
        if (options.Jobs is < RunLimits.MinJobs or > RunLimits.MaxJobs)
        {
            errors.Add(Inv($"--jobs must be between {RunLimits.MinJobs} and {RunLimits.MaxJobs} (got {options.Jobs})"));
        }
        if (options.ShardRows is < RunLimits.MinShardRows or > RunLimits.MaxN)
        {
            errors.Add(Inv($"--shard-rows must be between {RunLimits.MinShardRows} and {RunLimits.MaxN:N0} (got {options.ShardRows})"));
        }
        if (options.Notes is { Length: > RunLimits.MaxNotesLength })
        {
            errors.Add(Inv($"--notes must be at most {RunLimits.MaxNotesLength:N0} characters"));
        }
        if (options.Testbed is { } label && !Testbeds.Testbed.IsValidLabel(label))
        {
            errors.Add(Inv($"--testbed must be 1..{Testbeds.Testbed.MaxLabelLength} characters of letters, digits, '.', '_' or '-', starting with a letter or digit (got '{label}')"));
        }
        if (options.Experiments.Count == 0)
        {
            errors.Add("--experiments is empty");
        }
        else if (options.Experiments.Count > RunLimits.MaxExperiments)
        {
            errors.Add(Inv($"--experiments lists at most {RunLimits.MaxExperiments} experiments (got {options.Experiments.Count})"));
        }
        if (options.Libraries is { Count: > RunLimits.MaxLibraries } libraries)
        {
            errors.Add(Inv($"--libraries lists at most {RunLimits.MaxLibraries} libraries (got {libraries.Count})"));
        }
        return errors;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
