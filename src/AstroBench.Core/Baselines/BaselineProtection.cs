using AstroBench.Core.Retention;

namespace AstroBench.Core.Baselines;

/// <summary>Retention never deletes a baseline (DESIGN.md): the store is asked again before each removal.</summary>
public sealed class BaselineProtection(BaselineStore store) : IRunProtection
{
    public IReadOnlySet<string> ProtectedIds() => store.RunIds();

    public bool IsProtected(string runId) => store.RunIds().Contains(runId);
}
