namespace AstroBench.Server.Storage;

/// <summary>
/// Disk settings, bound from the same <c>AstroBench</c> section as the other server options
/// (<c>AstroBench:MinFreeDiskMb</c>, env <c>AstroBench__MinFreeDiskMb</c>; docs/storage.md).
/// A class of its own so the disk rules stay in this folder. 1 MB = 1,048,576 bytes.
/// </summary>
internal sealed class StorageDiskOptions
{
    public const long BytesPerMb = 1024 * 1024;

    /// <summary>A start is refused (507) when free space minus the job's predicted size would drop below this.</summary>
    public long MinFreeDiskMb { get; set; } = 512;

    /// <summary>A <c>disk.low</c> event is appended when free space drops below this; default twice <see cref="MinFreeDiskMb"/>.</summary>
    public long? LowDiskWarnMb { get; set; }

    /// <summary>How often the disk.low monitor looks at free space (it also looks after every lab event).</summary>
    public double DiskCheckSeconds { get; set; } = 60;

    public long EffectiveLowDiskWarnMb => LowDiskWarnMb ?? 2 * MinFreeDiskMb;
}
