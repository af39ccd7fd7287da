using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Checkpoints;

namespace AstroBench.Core.Tests.Results.Checkpoints;

/// <summary>A paused run's reservation (<see cref="RunStaging.Keep"/>), its claim by one resumer, and its discard.</summary>
public sealed class CheckpointStagingTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2026, 11, 29, 1, 2, 3, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-checkpoint-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RunStaging Paused()
    {
        var staging = RunStaging.Reserve(_dir, T);
        File.WriteAllText(CheckpointFile.PathIn(staging.StagingPath), "{}");
        staging.Keep();
        staging.Dispose();
        return staging;
    }

    [Fact]
    public void AKeptReservation_OutlivesItsOwner_TheIdStaysTaken_AndOpenReturnsIt()
    {
        var paused = Paused();

        using var next = RunStaging.Reserve(_dir, T);
        var reopened = RunStaging.Open(paused.StagingPath);

        Assert.True(Directory.Exists(paused.StagingPath));
        Assert.Equal("2026-11-29_01-02-03-2", next.RunId);
        Assert.Equal(paused.RunId, reopened.RunId);
        Assert.Equal(paused.FinalPath, reopened.FinalPath);
        reopened.Publish();
        Assert.True(Directory.Exists(paused.FinalPath));
        Assert.False(File.Exists(paused.StagingPath + ".lock"));
    }

    [Fact]
    public void Open_RefusesAFolderThatIsNotAReservedStagingFolder()
    {
        var paused = Paused();
        File.Delete(paused.StagingPath + ".lock");

        Assert.Throws<IOException>(() => RunStaging.Open(paused.StagingPath));
        Assert.Throws<IOException>(() => RunStaging.Open(_dir));
        Assert.Throws<IOException>(() => RunStaging.Open(Path.Combine(_dir, "2026-11-29_01-02-03")));
    }

    [Fact]
    public void Discard_DeletesTheFolderAndReleasesTheId_Idempotently()
    {
        var paused = Paused();

        CheckpointDiscard.Run(paused.StagingPath);
        CheckpointDiscard.Run(paused.StagingPath);

        Assert.False(Directory.Exists(paused.StagingPath));
        Assert.False(File.Exists(paused.StagingPath + ".lock"));
        using var next = RunStaging.Reserve(_dir, T);
        Assert.Equal(paused.RunId, next.RunId);
    }

    [Fact]
    public void Discard_RefusesTheStagingFolderOfARunInProgress()
    {
        using var running = RunStaging.Reserve(_dir, T);

        var ex = Assert.Throws<CheckpointException>(() => CheckpointDiscard.Run(running.StagingPath));

        Assert.Contains("is not paused", ex.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(running.StagingPath));
    }

    [Fact]
    public void Take_ClaimsOnce_ReturnGivesItBack()
    {
        var paused = Paused();
        File.WriteAllText(CheckpointFile.PathIn(paused.StagingPath), CheckpointFile.Format(Sample(paused.RunId)));

        var taken = CheckpointClaim.Take(paused.StagingPath);

        Assert.Equal(paused.RunId, taken.RunId);
        Assert.False(File.Exists(CheckpointFile.PathIn(paused.StagingPath)));
        Assert.True(CheckpointClaim.HasClaim(paused.StagingPath));
        CheckpointClaim.Return(paused.StagingPath);
        Assert.True(File.Exists(CheckpointFile.PathIn(paused.StagingPath)));
        Assert.False(CheckpointClaim.HasClaim(paused.StagingPath));
    }

    [Fact]
    public void TheClaimOfADeadProcess_IsTakenOver_ALiveOneIsNot()
    {
        var paused = Paused();
        File.Delete(CheckpointFile.PathIn(paused.StagingPath));
        var json = CheckpointFile.Format(Sample(paused.RunId));
        using var live = Process.Start(new ProcessStartInfo("sleep", "600"))!;
        var liveClaim = CheckpointFile.PathIn(paused.StagingPath) + ".claimed-" + live.Id.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(liveClaim, json);
        try
        {
            var ex = Assert.Throws<CheckpointException>(() => CheckpointClaim.Take(paused.StagingPath));
            Assert.Contains($"being resumed by process {live.Id}", ex.Message, StringComparison.Ordinal);
            Assert.Equal(live.Id, CheckpointClaim.LiveHolder(paused.StagingPath));
        }
        finally
        {
            live.Kill();
            live.WaitForExit();
        }

        var taken = CheckpointClaim.Take(paused.StagingPath);

        Assert.Equal(paused.RunId, taken.RunId);
        Assert.Null(CheckpointClaim.LiveHolder(paused.StagingPath));
        Assert.False(File.Exists(liveClaim));
    }

    private static Checkpoint Sample(string runId) => new(Checkpoint.SchemaId, runId, T,
        new CheckpointConfig(["gmst_era"], null, 10, 42, 5, true, false, null, 120, ["/a"]), "build", [], [], [], [], 0, 0);
}
