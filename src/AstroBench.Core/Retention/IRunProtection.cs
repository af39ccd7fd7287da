namespace AstroBench.Core.Retention;

/// <summary>
/// The one place a sweep asks which runs must never be deleted. <see cref="ProtectedIds"/> feeds the plan;
/// <see cref="IsProtected"/> is asked again just before each removal, so a pin taken mid-sweep still holds.
/// </summary>
public interface IRunProtection
{
    IReadOnlySet<string> ProtectedIds();

    bool IsProtected(string runId);
}
