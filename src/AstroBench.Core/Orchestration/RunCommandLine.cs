using System.Globalization;

namespace AstroBench.Core.Orchestration;

/// <summary>
/// The command line of <c>astrobench run</c> (docs/cli.md): its option names and how values are written
/// (comma lists, invariant numbers). The CLI declares its options with these names; the server builds a
/// job's argv with <see cref="Build"/>; a test parses that argv back through the CLI.
/// </summary>
public static class RunCommandLine
{
    public const string Command = "run";
    public const string Experiments = "--experiments";
    public const string Libraries = "--libraries";
    public const string N = "--n";
    public const string Seed = "--seed";
    public const string PerfRounds = "--perf-rounds";
    public const string MaxPerfRounds = "--max-perf-rounds";
    public const string PerfCvTarget = "--perf-cv-target";
    public const string PerfBudget = "--perf-budget";
    public const string NoPerf = "--no-perf";
    public const string Ci = "--ci";
    public const string ResultsDir = "--results-dir";
    public const string AdaptersDir = "--adapters-dir";
    public const string Notes = "--notes";
    public const string Testbed = "--testbed";
    public const string LogFile = "--log-file";
    public const string ExitRecord = "--exit-record";
    public const string Timeout = "--timeout";
    public const string Resume = "--resume";
    public const string Discard = "--discard";
    public const string AdapterMemoryMb = "--adapter-memory-mb";
    public const string Jobs = "--jobs";
    public const string NoCache = "--no-cache";
    public const string Transport = "--transport";
    public const string ShardRows = "--shard-rows";

    public const char ListSeparator = ',';

    /// <summary>The arguments after the program (starting with <c>run</c>); options left null are not passed.</summary>
    public static IReadOnlyList<string> Build(RunArguments a)
    {
        var argv = new List<string> { Command };
        // One token per option (--name=value): a value that starts with '-' or '@' (notes, a path) can then
        // never be read as another option or as a response file.
        void Add(string option, string? value)
        {
            if (value is not null)
            {
                argv.Add(option + "=" + value);
            }
        }
        Add(Experiments, a.Experiments is { } e ? FormatList(e) : null);
        Add(Libraries, a.Libraries is { Count: > 0 } l ? FormatList(l) : null);
        Add(N, a.N is { } n ? FormatInt(n) : null);
        Add(Seed, a.Seed is { } s ? FormatInt(s) : null);
        Add(PerfRounds, a.PerfRounds is { } r ? FormatInt(r) : null);
        Add(MaxPerfRounds, a.MaxPerfRounds is { } max ? FormatInt(max) : null);
        Add(PerfCvTarget, a.PerfCvTargetPercent is { } cv ? FormatSeconds(cv) : null);
        Add(PerfBudget, a.PerfBudgetSeconds is { } budget ? FormatSeconds(budget) : null);
        if (a.NoPerf)
        {
            argv.Add(NoPerf);
        }
        if (a.CiMode)
        {
            argv.Add(Ci);
        }
        Add(ResultsDir, a.ResultsDir);
        foreach (var dir in a.AdapterDirs ?? [])
        {
            Add(AdaptersDir, dir);
        }
        Add(Notes, string.IsNullOrEmpty(a.Notes) ? null : a.Notes);
        Add(Testbed, string.IsNullOrEmpty(a.Testbed) ? null : a.Testbed);
        Add(LogFile, a.LogFile);
        Add(ExitRecord, a.ExitRecord);
        Add(Timeout, a.TimeoutSeconds is { } t ? FormatSeconds(t) : null);
        Add(AdapterMemoryMb, a.AdapterMemoryMb is { } mb ? FormatInt(mb) : null);
        Add(Jobs, a.Jobs is { } j ? FormatInt(j) : null);
        Add(ShardRows, a.ShardRows is { } sr ? FormatInt(sr) : null);
        if (a.NoCache)
        {
            argv.Add(NoCache);
        }
        Add(Transport, a.Transport);
        Add(Resume, a.Resume);
        Add(Discard, a.Discard);
        return argv;
    }

    public static string FormatList(IEnumerable<string> values) => string.Join(ListSeparator, values);

    /// <summary>A comma list as the CLI reads it (blank items dropped, items trimmed); null stays null.</summary>
    public static List<string>? ParseList(string? value) =>
        value?.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string FormatInt(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds (or any other number) as a round-trippable invariant number (<c>0.5</c>, never <c>0,5</c>).</summary>
    public static string FormatSeconds(double seconds) => seconds.ToString("R", CultureInfo.InvariantCulture);
}
