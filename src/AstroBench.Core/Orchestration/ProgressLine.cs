namespace AstroBench.Core.Orchestration;

/// <summary>
/// One machine-readable line of <c>astrobench run</c> (docs/progress.md). <see cref="ProgressLines"/> is the
/// only formatter and parser; <see cref="Message"/> is the free text after <c> | </c>.
/// </summary>
public abstract record ProgressLine(string Message);
