using System.Globalization;
using System.Runtime.InteropServices;

namespace AstroBench.Server.Hosting;

/// <summary>
/// The single-writer lock of a lab root: an exclusive <c>flock</c> on <c>astrobench-server.lock</c>, taken
/// before the server imports, reconciles or dispatches anything and held for the server's life (released by
/// <see cref="Dispose"/> or by the kernel when the process dies, even of SIGKILL, so a crash never leaves a stale
/// lock). Two servers on one root would reattach, settle and dispatch the same jobs twice.
/// </summary>
internal sealed partial class LabRootLock : IDisposable
{
    private const int LOCK_EX = 2;
    private const int LOCK_NB = 4;
    private const int LOCK_UN = 8;

    private readonly FileStream _file;

    private LabRootLock(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>Takes the lock or throws <see cref="LabRootLockedException"/> naming the holder.</summary>
    public static LabRootLock Acquire(string root)
    {
        Directory.CreateDirectory(root);
        var path = System.IO.Path.Combine(root, "astrobench-server.lock");
        var info = path + ".holder";
        FileStream file;
        try
        {
            // FileShare.None makes .NET take the flock itself; the explicit call below keeps it even where
            // .NET's own locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING).
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw Locked(root, info);
        }
        if (flock((int)file.SafeFileHandle.DangerousGetHandle(), LOCK_EX | LOCK_NB) != 0)
        {
            file.Dispose();
            throw Locked(root, info);
        }
        File.WriteAllText(info, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} since {Core.Results.UtcTimestamp.Format(DateTimeOffset.UtcNow)}\n"));
        return new LabRootLock(file);
    }

    private static LabRootLockedException Locked(string root, string info)
    {
        var holder = "";
        try
        {
            holder = File.Exists(info) ? $" ({File.ReadAllText(info).Trim()})" : "";
        }
        catch (IOException)
        {
            // The holder line is a courtesy; the refusal stands without it.
        }
        return new LabRootLockedException(
            $"another AstroBench server holds the lab root {root}{holder}; stop it, or start this one with another --root");
    }

    public void Dispose()
    {
        flock((int)_file.SafeFileHandle.DangerousGetHandle(), LOCK_UN);
        _file.Dispose();
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int flock(int fd, int operation);
}
