namespace AstroBench.Server.Execution;

/// <summary>What a pause or resume request found: <see cref="Accepted"/>, or why not.</summary>
internal enum PauseOutcome
{
    Accepted,
    NotFound,

    /// <summary>The job is not in a state the request applies to (409).</summary>
    Conflict,
}
