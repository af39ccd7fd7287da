using AstroBench.Server.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AstroBench.Server.Queue;

/// <summary>
/// Whether the dispatcher may start jobs. Saved in the store's meta table, so a server restarted during a
/// maintenance window stays drained until someone undrains it.
/// </summary>
internal sealed class DrainState(JobStore store, DispatchSignal signal)
{
    private const string MetaKey = "queue.draining";
    private volatile bool _draining = store.GetMeta(MetaKey) == "true";

    public bool Draining => _draining;

    /// <summary>
    /// POST /api/benchmark/start while draining: 409. Start means "run now", and a drained lab would only park the
    /// job, so say why instead (docs/queue.md); the seed's members are there, null.
    /// </summary>
    public static ProblemHttpResult StartRefused()
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The lab is draining",
            Detail = "Dispatching is stopped (POST /api/admin/undrain resumes it); enqueue with POST /api/benchmark/jobs to run later.",
        };
        problem.Extensions["active_job_id"] = null;
        problem.Extensions["active_status"] = null;
        problem.Extensions["draining"] = true;
        return TypedResults.Problem(problem);
    }

    public void Set(bool draining)
    {
        store.SetMeta(MetaKey, draining ? "true" : "false");
        _draining = draining;
        signal.Set();
    }
}
