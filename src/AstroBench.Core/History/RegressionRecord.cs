namespace AstroBench.Core.History;

/// <summary>A detected change as stored: the change, its stable id, when it was found, and its state with the note and who set it.</summary>
public sealed record RegressionRecord(
    string Id,
    DetectedChange Change,
    DateTimeOffset DetectedAt,
    string State,
    string? Note,
    string? StateBy,
    DateTimeOffset? StateAt);
