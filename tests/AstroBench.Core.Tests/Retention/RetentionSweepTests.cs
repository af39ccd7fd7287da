using AstroBench.Core.Retention;

namespace AstroBench.Core.Tests.Retention;

public sealed class RetentionSweepTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly RetentionFolder _lab = new();

    public RetentionSweepTests()
    {
        for (var day = 1; day <= 9; day++)
        {
            _lab.AddRun($"2026-06-{day:00}_10-00-00");
        }
    }

    public void Dispose() => _lab.Dispose();

    private RunPins Pins => new(_lab.Results);

    [Fact]
    public void Sweep_RemovesExactlyWhatThePreviewSaid_AndKeepsPinnedRuns()
    {
        Pins.Pin("2026-06-01_10-00-00", Now);
        var sweep = new RetentionSweep(_lab.Results);
        var rules = new RetentionRules(KeepLast: 3);

        var preview = sweep.Preview(rules, new PinProtection(Pins), Now);
        var report = sweep.TryRun(rules, new PinProtection(Pins), Now)!;

        Assert.Equal(preview.Remove.Select(r => r.RunId), report.Removed.Select(r => r.Removal.RunId));
        Assert.Equal(preview.BytesFreed, report.BytesFreed);
        Assert.Equal(["2026-06-01_10-00-00", "2026-06-07_10-00-00", "2026-06-08_10-00-00", "2026-06-09_10-00-00"], _lab.Listed());
        Assert.Empty(new RunTrash(_lab.Results).Pending());
    }

    [Fact]
    public void Sweep_KeepsARunPinnedAfterThePlanWasMade()
    {
        var sweep = new RetentionSweep(_lab.Results);

        var report = sweep.TryRun(new RetentionRules(KeepLast: 1), new PinProtection(Pins), Now,
            afterTrashed: id =>
            {
                if (id == "2026-06-01_10-00-00")
                {
                    Pins.Pin("2026-06-02_10-00-00", Now);
                }
            })!;

        Assert.Contains(report.Results, r => r.Removal.RunId == "2026-06-02_10-00-00" && r.Outcome == RunRemovalResult.Skipped);
        Assert.Equal(["2026-06-02_10-00-00", "2026-06-09_10-00-00"], _lab.Listed());
    }

    [Fact]
    public void Sweep_Archives_BeforeItDeletes()
    {
        var archive = Path.Combine(_lab.Root, "archive");

        var report = new RetentionSweep(_lab.Results).TryRun(new RetentionRules(KeepLast: 7, Archive: true), new PinProtection(Pins), Now)!;

        Assert.Equal(2, report.Removed.Count());
        Assert.Equal(["2026-06-01_10-00-00.tar.gz", "2026-06-02_10-00-00.tar.gz"],
            Directory.GetFiles(archive).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.All(report.Removed, r => Assert.NotNull(r.ArchivePath));
    }

    [Fact]
    public void Sweep_FinishesWhatACrashedSweepLeftInTheTrash()
    {
        var trash = new RunTrash(_lab.Results);
        trash.MoveToTrash("2026-06-05_10-00-00");

        var report = new RetentionSweep(_lab.Results).TryRun(RetentionRules.None, new PinProtection(Pins), Now)!;

        Assert.Equal(1, report.TrashFinished);
        Assert.Empty(trash.Pending());
    }

    [Fact]
    public void Delete_RefusesAPinnedRun_AndDeletesAnother()
    {
        Pins.Pin("2026-06-03_10-00-00", Now);
        var protection = new PinProtection(Pins);

        Assert.Equal(RunDeletionOutcome.Protected, RunDeletion.Delete(_lab.Results, "2026-06-03_10-00-00", protection).Outcome);
        Assert.Equal(RunDeletionOutcome.Deleted, RunDeletion.Delete(_lab.Results, "2026-06-04_10-00-00", protection).Outcome);
        Assert.Equal(RunDeletionOutcome.NotFound, RunDeletion.Delete(_lab.Results, "2026-06-04_10-00-00", protection).Outcome);
        Assert.Equal(8, _lab.Listed().Length);
    }

    [Fact]
    public void ArchiveDir_InsideResults_IsRefused()
    {
        Assert.NotNull(RetentionPaths.CheckArchiveDir(new RetentionRules(ArchiveDir: "results/archive"), _lab.Results));
        Assert.NotNull(RetentionPaths.CheckArchiveDir(new RetentionRules(ArchiveDir: "."), _lab.Results));
        Assert.Null(RetentionPaths.CheckArchiveDir(new RetentionRules(), _lab.Results));
    }
}
