namespace AstroBench.Core.Orchestration;

/// <summary><c>[RUN] start run_id=… experiments_total=… libraries=a,b n=… seed=… | …</c></summary>
public sealed record RunStartLine(string RunId, int ExperimentsTotal, IReadOnlyList<string> Libraries, int N, long Seed, string Message)
    : ProgressLine(Message)
{
    public bool Equals(RunStartLine? other) =>
        other is not null && RunId == other.RunId && ExperimentsTotal == other.ExperimentsTotal && Libraries.SequenceEqual(other.Libraries)
        && N == other.N && Seed == other.Seed && Message == other.Message;

    public override int GetHashCode() => HashCode.Combine(RunId, ExperimentsTotal, Libraries.Count, N, Seed, Message);
}
