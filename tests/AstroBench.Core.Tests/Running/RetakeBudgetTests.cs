using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>A wait or a retake only while the budget left pays for the planned rounds still owed (docs/engine.md, "Contended cycles").</summary>
public sealed class RetakeBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void ARetake_IsAffordedWhileTheOwedCyclesAndItselfFitTheBudgetLeft()
    {
        // 4 cycles in 0.4 s: 0.1 s a cycle; 4 owed + the retake end at 0.9 s, 5 owed + the retake at 1.0 s, the budget.
        Assert.True(RetakeBudget.Affords(S(0.4), Budget, TimeSpan.Zero, cyclesRun: 4, owedCycles: 4, extraCycles: 1));
        Assert.False(RetakeBudget.Affords(S(0.4), Budget, TimeSpan.Zero, cyclesRun: 4, owedCycles: 5, extraCycles: 1));
    }

    [Fact]
    public void TheCostOfACycle_LeavesTheWaitsOut()
    {
        // 0.6 s spent, 0.2 s of it waiting, 4 cycles: 0.1 s a cycle, so 3 owed cycles end at 0.9 s (0.15 s a cycle would be 1.05 s).
        Assert.True(RetakeBudget.Affords(S(0.6), Budget, S(0.2), cyclesRun: 4, owedCycles: 3, extraCycles: 0));
    }

    [Fact]
    public void BeforeAnyCycle_TheBudgetAloneDecides()
    {
        Assert.True(RetakeBudget.Affords(S(0.5), Budget, S(0.5), cyclesRun: 0, owedCycles: 15, extraCycles: 1));
        Assert.False(RetakeBudget.Affords(Budget, Budget, TimeSpan.Zero, cyclesRun: 0, owedCycles: 0, extraCycles: 0));
    }

    [Fact]
    public void WithNothingOwed_TheBudgetAloneDecides()
    {
        Assert.True(RetakeBudget.Affords(S(0.95), Budget, TimeSpan.Zero, cyclesRun: 20, owedCycles: 0, extraCycles: 0));
        Assert.False(RetakeBudget.Affords(S(1.0), Budget, TimeSpan.Zero, cyclesRun: 20, owedCycles: 0, extraCycles: 0));
    }
}
