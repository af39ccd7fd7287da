using AstroBench.Server.Hosting;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Queue;

/// <summary>The resource limits the dispatcher, the estimates and the orchestrator's argv share (<c>AstroBench:MaxParallelAccuracyJobs</c>).</summary>
internal sealed class QueueLimits(IOptions<AstroBenchServerOptions> options)
{
    /// <summary>Configured value, else cores − 1, at least 1.</summary>
    public int MaxParallelAccuracy { get; } = MaxParallelAccuracyOf(options.Value);

    public static int MaxParallelAccuracyOf(AstroBenchServerOptions options) =>
        options.MaxParallelAccuracyJobs is { } n and > 0 ? n : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// <c>run --jobs</c> of an accuracy-only job: the cores shared by the accuracy jobs that may run at once, at least 1.
    /// Each run's own default is every core, so N parallel jobs would otherwise start N × cores adapter calls.
    /// </summary>
    public static int AccuracyCallsPerJob(AstroBenchServerOptions options) =>
        Math.Max(1, Environment.ProcessorCount / MaxParallelAccuracyOf(options));
}
