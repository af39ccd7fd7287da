namespace AstroBench.Server.Storage;

/// <summary>GET /api/storage (docs/storage.md): what the lab keeps on disk and how much room is left.</summary>
public sealed record StorageDto(
    string ResultsDir,
    long FreeBytes,
    long CapacityBytes,
    long MinFreeDiskMb,
    long LowDiskWarnMb,
    int RunsCount,
    long RunsBytes,
    int LogsCount,
    long LogsBytes,
    long DatabaseBytes,
    long TotalBytes,
    IReadOnlyList<RunStorageDto> Runs,
    IReadOnlyList<LogStorageDto> Logs);

/// <summary>One published run folder: bytes and files under it.</summary>
public sealed record RunStorageDto(string RunId, long Bytes, long Files);

/// <summary>One job's log files together: <c>.log</c>, <c>.stderr.log</c> and <c>.exit.json</c>.</summary>
public sealed record LogStorageDto(string JobId, long Bytes);

/// <summary>GET /api/storage/estimate: a job's predicted size against the free space (docs/storage.md).</summary>
public sealed record StorageEstimateDto(
    long PredictedBytes,
    double BytesPerCase,
    string Basis,
    long FreeBytes,
    long MinFreeDiskMb,
    bool WouldRefuse,
    string? Detail);
