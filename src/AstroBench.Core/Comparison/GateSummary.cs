namespace AstroBench.Core.Comparison;

/// <summary>Counts per verdict, for one kind (accuracy or performance).</summary>
public sealed record GateSummary(int Regressions, int Improvements, int Unchanged, int New, int Missing, int NotCompared)
{
    public static GateSummary Of(IEnumerable<string> verdicts)
    {
        var list = verdicts.ToList();
        int Count(string v) => list.Count(x => x == v);
        return new GateSummary(Count(GateVerdicts.Regression), Count(GateVerdicts.Improvement), Count(GateVerdicts.Unchanged),
            Count(GateVerdicts.New), Count(GateVerdicts.Missing), Count(GateVerdicts.NotCompared));
    }
}
