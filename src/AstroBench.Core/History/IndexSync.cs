namespace AstroBench.Core.History;

/// <summary>What one <see cref="ResultsIndex.Sync"/> changed: run ids indexed and run ids whose folders are gone.</summary>
public sealed record IndexSync(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public static IndexSync None { get; } = new([], []);

    public bool Changed => Added.Count > 0 || Removed.Count > 0;
}
