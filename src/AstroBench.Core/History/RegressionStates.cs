namespace AstroBench.Core.History;

/// <summary>The states of a detected change (docs/history.md): new ones are open; a person acknowledges one or marks it an expected shift.</summary>
public static class RegressionStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string ExpectedShift = "expected-shift";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, ExpectedShift];

    public static bool IsKnown(string? state) => state is not null && All.Contains(state, StringComparer.Ordinal);
}
