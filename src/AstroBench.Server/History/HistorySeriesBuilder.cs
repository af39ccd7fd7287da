using AstroBench.Core.History;

namespace AstroBench.Server.History;

/// <summary>The kind of a series as the API names it (the history body itself is written by <see cref="HistoryJson"/>).</summary>
internal static class HistorySeriesBuilder
{
    public static string KindOf(SeriesKey key) => key.IsPerformance ? DetectedChange.Performance : DetectedChange.Accuracy;
}
