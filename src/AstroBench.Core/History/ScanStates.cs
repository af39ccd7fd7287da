namespace AstroBench.Core.History;

/// <summary>
/// Where a run stands with the regression scan (column <c>runs.scanned</c>): pending (a published or imported run: its
/// changes are announced), done, or backfill (found when the index was first built over an existing lab: its series
/// are scanned once and the changes stored without events, so a first start does not flood the notifications).
/// </summary>
internal static class ScanStates
{
    public const int Pending = 0;
    public const int Done = 1;
    public const int Backfill = 2;
}
