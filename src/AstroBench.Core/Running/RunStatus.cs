namespace AstroBench.Core.Running;

/// <summary>How a run ends: the closed set behind the exit record's and the <c>[RUN] finish</c> line's <c>status</c> (see <see cref="RunStatusNames"/>).</summary>
public enum RunStatus
{
    Completed,
    Failed,
    Cancelled,
}
