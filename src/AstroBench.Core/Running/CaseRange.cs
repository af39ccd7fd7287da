namespace AstroBench.Core.Running;

/// <summary>One contiguous slice of an experiment's cases, sent as its own request (docs/engine.md, "Shards").</summary>
public readonly record struct CaseRange(int First, int Count)
{
    public int End => First + Count;
}
