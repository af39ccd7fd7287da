using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;

namespace AstroBench.Server.Tests;

public sealed class LogFeedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-feed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FinishedJobFeed_ReadsAnyRange_WithOnlyTheTailInMemory()
    {
        var path = Path.Combine(_dir, "job.log");
        // 5,000 complete lines and one unterminated last line, as a killed writer leaves them.
        File.WriteAllText(path, string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i} ±\n")) + "partial");
        var job = new JobRow("0123456789ab", JobStatus.Completed, new JobConfig(["gmst_era"], null, 10, 1, 1, true, false), null,
            DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow, null, JobProgress.Empty, 0, null, null, null, null, 5001);

        var feed = LogFeed.ForFinishedJob(job, path, memoryLines: 16);

        Assert.Equal(5001, feed.Count);
        Assert.Equal(new FileInfo(path).Length, feed.Bytes);
        Assert.Equal(["line 0 ±", "line 1 ±"], feed.Read(0, 2));
        Assert.Equal(["line 1023 ±", "line 1024 ±", "line 1025 ±"], feed.Read(1023, 3));
        Assert.Equal(["line 4998 ±", "line 4999 ±", "partial"], feed.Read(4998, 10));
        Assert.Empty(feed.Read(5001, 10));
        Assert.Equal(JobStatus.Completed, feed.Final!.Status);
    }
}
