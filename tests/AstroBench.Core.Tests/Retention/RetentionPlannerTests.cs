using AstroBench.Core.Retention;

namespace AstroBench.Core.Tests.Retention;

public sealed class RetentionPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NoneProtected = new(StringComparer.Ordinal);

    /// <summary>Ten runs, one a day back from <see cref="Now"/> (day 0 newest), 10 MiB each.</summary>
    private static List<RetainedRun> TenDaily() => Enumerable.Range(0, 10)
        .Select(d => new RetainedRun($"r{d}", Now.AddDays(-d).AddHours(-1), 10 * RetentionRules.BytesPerMb))
        .ToList();

    private static List<string> Ids(RetentionPlan plan) => plan.Remove.Select(r => r.RunId).ToList();

    [Fact]
    public void NoRules_RemovesNothing()
    {
        var plan = RetentionPlanner.Plan(TenDaily(), NoneProtected, RetentionRules.None, Now);

        Assert.Empty(plan.Remove);
        Assert.Equal(10, plan.RunsKept);
    }

    [Fact]
    public void KeepLast_RemovesAllButTheNewestN_OldestFirst()
    {
        var plan = RetentionPlanner.Plan(TenDaily(), NoneProtected, new RetentionRules(KeepLast: 7), Now);

        Assert.Equal(["r9", "r8", "r7"], Ids(plan));
        Assert.All(plan.Remove, r => Assert.Equal(RetentionRule.KeepLast, r.Rule));
        Assert.Equal(30 * RetentionRules.BytesPerMb, plan.BytesFreed);
        Assert.Equal(7, plan.RunsKept);
    }

    [Fact]
    public void MaxAge_RemovesRunsOlderThanTheCutoff()
    {
        var plan = RetentionPlanner.Plan(TenDaily(), NoneProtected, new RetentionRules(MaxAgeDays: 3), Now);

        Assert.Equal(["r9", "r8", "r7", "r6", "r5", "r4", "r3"], Ids(plan));
        Assert.All(plan.Remove, r => Assert.Equal(RetentionRule.MaxAge, r.Rule));
    }

    [Fact]
    public void MaxTotal_RemovesOldestUntilTheRestFits()
    {
        var plan = RetentionPlanner.Plan(TenDaily(), NoneProtected, new RetentionRules(MaxTotalMb: 45), Now);

        Assert.Equal(["r9", "r8", "r7", "r6", "r5", "r4"], Ids(plan));
        Assert.All(plan.Remove, r => Assert.Equal(RetentionRule.MaxTotal, r.Rule));
        Assert.Equal(40 * RetentionRules.BytesPerMb, plan.BytesKept);
        Assert.True(plan.SizeLimitMet);
    }

    [Fact]
    public void Rules_Combine_TheFirstRuleNamesTheRun()
    {
        var plan = RetentionPlanner.Plan(TenDaily(), NoneProtected, new RetentionRules(KeepLast: 8, MaxAgeDays: 6.5, MaxTotalMb: 35), Now);

        Assert.Equal(["r9:keep_last", "r8:keep_last", "r7:max_age_days", "r6:max_total_mb", "r5:max_total_mb", "r4:max_total_mb", "r3:max_total_mb"],
            plan.Remove.Select(r => $"{r.RunId}:{r.Rule}"));
    }

    [Fact]
    public void ProtectedRuns_AreNeverSelected_EvenWhenTheSizeLimitCannotBeMet()
    {
        var protectedIds = new HashSet<string>(["r9", "r5", "r0"], StringComparer.Ordinal);

        var plan = RetentionPlanner.Plan(TenDaily(), protectedIds, new RetentionRules(KeepLast: 1, MaxAgeDays: 1, MaxTotalMb: 5), Now);

        Assert.DoesNotContain(plan.Remove, r => protectedIds.Contains(r.RunId));
        Assert.Equal(7, plan.Remove.Count);
        Assert.Equal(3, plan.RunsKept);
        Assert.False(plan.SizeLimitMet);
    }

    [Fact]
    public void Plan_DoesNotDependOnInputOrder_TiesBreakById()
    {
        var same = Now.AddDays(-5);
        var runs = new List<RetainedRun> { new("b", same, 1), new("a", same, 1), new("c", same, 1), new("z", Now, 1) };
        var reversed = Enumerable.Reverse(runs).ToList();

        var one = RetentionPlanner.Plan(runs, NoneProtected, new RetentionRules(KeepLast: 2), Now);
        var two = RetentionPlanner.Plan(reversed, NoneProtected, new RetentionRules(KeepLast: 2), Now);

        Assert.Equal(["a", "b"], Ids(one));
        Assert.Equal(Ids(one), Ids(two));
    }
}
