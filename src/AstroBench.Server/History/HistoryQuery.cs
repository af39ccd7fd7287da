namespace AstroBench.Server.History;

/// <summary>A validated <c>GET /api/history</c> query with its defaults applied: the key of a cached answer.</summary>
internal sealed record HistoryQuery(string Experiment, string Library, string? Testbed, string? Metric, int Limit, string Order);
