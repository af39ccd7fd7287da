namespace AstroBench.Core.Retention;

/// <summary>A run is protected when any of the parts protects it (pins, baselines, …).</summary>
public sealed class AnyProtection(params IRunProtection[] parts) : IRunProtection
{
    public IReadOnlySet<string> ProtectedIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parts)
        {
            ids.UnionWith(p.ProtectedIds());
        }
        return ids;
    }

    public bool IsProtected(string runId) => parts.Any(p => p.IsProtected(runId));
}
