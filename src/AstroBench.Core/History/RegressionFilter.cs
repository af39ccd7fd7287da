namespace AstroBench.Core.History;

/// <summary>Which stored changes to list; null members do not filter. Newest first, paged by limit/offset.</summary>
public sealed record RegressionFilter(
    string? State = null,
    string? Direction = null,
    string? Kind = null,
    string? Testbed = null,
    string? Experiment = null,
    string? Library = null,
    string? Metric = null,
    int Limit = 500,
    int Offset = 0);
