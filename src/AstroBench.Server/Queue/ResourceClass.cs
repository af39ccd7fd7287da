using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// What a job needs of the machine. A timing job (perf on) is exclusive: its numbers would be corrupted by
/// concurrent load. An accuracy-only job (<c>no_perf</c>) may share the machine with other accuracy jobs.
/// </summary>
internal static class ResourceClass
{
    public const string Timing = "timing";
    public const string Accuracy = "accuracy";

    public static string Of(JobConfig config) => config.NoPerf ? Accuracy : Timing;
}
