using AstroBench.Server.Hosting;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Queue;

/// <summary>The resource limits the dispatcher and the estimates share (<c>AstroBench:MaxParallelAccuracyJobs</c>).</summary>
internal sealed class QueueLimits(IOptions<AstroBenchServerOptions> options)
{
    /// <summary>Configured value, else cores − 1, at least 1.</summary>
    public int MaxParallelAccuracy { get; } =
        options.Value.MaxParallelAccuracyJobs is { } n and > 0 ? n : Math.Max(1, Environment.ProcessorCount - 1);
}
