using AstroBench.Core.Results.Reading;
using AstroBench.Core.Storage;
using AstroBench.Server.Hosting;
using AstroBench.Server.Security;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>
/// Measures what GET /api/storage reports. Run sizes come from <see cref="RunSizeCache"/> (a published
/// run never changes, so 10,000 runs cost one stat each after the first walk); logs are one directory
/// listing; the job store is its SQLite file with its WAL and shared-memory files.
/// </summary>
internal sealed class StorageUsage(RunFolderReader reader, RunSizeCache sizes, ServerPaths paths, IOptions<StorageDiskOptions> options)
{
    public StorageDto Measure()
    {
        var runs = new List<RunStorageDto>();
        foreach (var run in reader.ListRuns())
        {
            // A run deleted between the listing and the walk is simply gone from the answer.
            if (reader.TryGetRunDirectory(run.Id, out var dir) && TryMeasure(sizes, run.Id, dir) is { } usage)
            {
                runs.Add(new RunStorageDto(run.Id, usage.Bytes, usage.Files));
            }
        }
        var logs = MeasureLogs();
        var database = new[] { paths.Database, paths.Database + "-wal", paths.Database + "-shm" }.Sum(Length);
        var disk = DiskSpace.Of(paths.ResultsDir);
        var o = options.Value;
        var runsBytes = runs.Sum(r => r.Bytes);
        var logsBytes = logs.Sum(l => l.Bytes);
        return new StorageDto(paths.ResultsDir, disk.FreeBytes, disk.CapacityBytes, o.MinFreeDiskMb, o.EffectiveLowDiskWarnMb,
            runs.Count, runsBytes, logs.Count, logsBytes, database, runsBytes + logsBytes + database, runs, logs);
    }

    /// <summary>A run's size, or null when its folder vanished since it was listed (retention, a manual delete).</summary>
    internal static DirectoryUsage? TryMeasure(RunSizeCache sizes, string runId, string dir)
    {
        try
        {
            return sizes.Get(runId, dir);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Per job id (the file name up to its first dot), newest first by the latest write of any of its files.</summary>
    private List<LogStorageDto> MeasureLogs()
    {
        if (!Directory.Exists(paths.LogsDir))
        {
            return [];
        }
        var jobs = new Dictionary<string, (long Bytes, DateTime Latest)>(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(paths.LogsDir).EnumerateFiles())
        {
            var name = file.Name;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var id = dot < 0 ? name : name[..dot];
            if (!Ids.IsJobId(id))
            {
                continue;
            }
            var known = jobs.GetValueOrDefault(id);
            jobs[id] = (known.Bytes + file.Length, file.LastWriteTimeUtc > known.Latest ? file.LastWriteTimeUtc : known.Latest);
        }
        return jobs.OrderByDescending(j => j.Value.Latest).ThenBy(j => j.Key, StringComparer.Ordinal)
            .Select(j => new LogStorageDto(j.Key, j.Value.Bytes)).ToList();
    }

    private static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }
}
