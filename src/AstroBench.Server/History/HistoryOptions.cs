namespace AstroBench.Server.History;

/// <summary>Section <c>AstroBench:History</c> (docs/history.md): how often the scan looks for runs nobody announced (imports, folders copied in).</summary>
public sealed class HistoryOptions
{
    public const string Section = "AstroBench:History";

    public double PollSeconds { get; set; } = 30;
}
