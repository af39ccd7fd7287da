namespace AstroBench.Core.Running;

/// <summary>
/// The one definition of a run's limits and defaults (docs/cli.md, docs/http-api.md): the CLI, the
/// server's validator, the legacy importer, the OpenAPI document and the web form (through
/// <c>GET /api/limits</c>) all read them from here.
/// </summary>
public static class RunLimits
{
    public const int MinN = 1;
    public const int MaxN = 1_000_000;
    public const int DefaultN = 1000;

    public const long MinSeed = 0;
    public const long MaxSeed = int.MaxValue;
    public const long DefaultSeed = 42;

    public const int MinPerfRounds = 1;
    public const int MaxPerfRounds = 50;
    public const int DefaultPerfRounds = 5;

    public const int MinJobs = 1;
    public const int MaxJobs = 256;

    /// <summary><c>--shard-rows</c>: 0 (never split) up to <see cref="MaxN"/>.</summary>
    public const int MinShardRows = 0;

    public const int MaxExperiments = 50;
    public const int MaxLibraries = 20;
    public const int MaxNotesLength = 2000;

    /// <summary>The smallest <c>--adapter-memory-mb</c>: the JobLimits minimum of memory_mb (docs/limits.md).</summary>
    public const int MinAdapterMemoryMb = 64;
}
