using AstroBench.Core.History;

namespace AstroBench.Server.History;

/// <summary>A detected change as the API shows it (docs/history.md): <c>GET /api/regressions</c>, the history's markers and the event payload.</summary>
public sealed record RegressionDto(string Id, string Kind, string Direction, string State, string Testbed, string Experiment, string Library,
    string Metric, string? Unit, string RunId, string? PreviousRunId, double? Before, double? After, double? ChangePct, double? PValue,
    string Detail, DateTimeOffset DetectedAt, string? Note, string? StateBy, DateTimeOffset? StateAt)
{
    public static RegressionDto From(RegressionRecord r) => new(r.Id, r.Change.Kind, r.Change.Direction, r.State, r.Change.Key.Testbed,
        r.Change.Key.Experiment, r.Change.Key.Library, r.Change.Key.Metric, r.Change.Unit, r.Change.RunId, r.Change.PreviousRunId, r.Change.Before,
        r.Change.After, r.Change.ChangePct, r.Change.PValue, r.Change.Detail, r.DetectedAt, r.Note, r.StateBy, r.StateAt);
}
