namespace AstroBench.Server.Storage;

/// <summary>
/// Free and total bytes of the file system holding a folder. <see cref="DriveInfo"/> on Unix is a
/// statvfs of the path it is given, so it reports the file system a folder lives on even when that is
/// a tmpfs mounted on a sub-folder, not the mount-table entry whose name is the nearest prefix.
/// A folder that does not exist yet is measured at its nearest existing ancestor, where it will be created.
/// </summary>
internal readonly record struct DiskSpace(long FreeBytes, long CapacityBytes)
{
    public static DiskSpace Of(string directory)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(directory));
        while (!dir.Exists && dir.Parent is not null)
        {
            dir = dir.Parent;
        }
        // Available, not total free: blocks reserved for root are not ours to plan with.
        var drive = new DriveInfo(dir.FullName);
        return new DiskSpace(drive.AvailableFreeSpace, drive.TotalSize);
    }
}
