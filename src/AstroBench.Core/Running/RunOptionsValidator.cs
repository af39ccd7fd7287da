namespace AstroBench.Core.Running;

/// <summary>The limits of docs/cli.md, one readable message per violation.</summary>
public static class RunOptionsValidator
{
    public static IReadOnlyList<string> Validate(RunOptions options)
    {
        var errors = new List<string>();
        if (options.N is <= 0 or > RunOptions.MaxN)
        {
            errors.Add($"--n must be between 1 and {RunOptions.MaxN:N0} (got {options.N})");
        }
        if (options.Seed is < 0 or > int.MaxValue)
        {
            errors.Add($"--seed must be between 0 and {int.MaxValue} (got {options.Seed})");
        }
        if (options.PerfRounds is < 1 or > RunOptions.MaxPerfRounds)
        {
            errors.Add($"--perf-rounds must be between 1 and {RunOptions.MaxPerfRounds} (got {options.PerfRounds})");
        }
        if (options.Notes is { Length: > RunOptions.MaxNotesLength })
        {
            errors.Add($"--notes must be at most {RunOptions.MaxNotesLength} characters");
        }
        if (options.Experiments.Count == 0)
        {
            errors.Add("--experiments is empty");
        }
        return errors;
    }
}
