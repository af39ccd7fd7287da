namespace AstroBench.Core.Retention;

/// <summary>
/// One sweep at a time per results folder, across processes (the server's loop, its API and the CLI's
/// <c>gc</c>): an exclusive lock on <c>results/.retention.lock</c>. .NET takes an advisory <c>flock</c> for
/// <see cref="FileShare.None"/> on Unix, and the kernel drops it when the holder dies, so a <c>kill -9</c> never
/// leaves a stale lock behind (an O_EXCL file would).
/// </summary>
public sealed class SweepLock : IDisposable
{
    public const string FileName = ".retention.lock";
    private readonly FileStream _stream;

    private SweepLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another sweep holds it (the results folder must exist).</summary>
    public static SweepLock? TryAcquire(string resultsDir)
    {
        try
        {
            var stream = new FileStream(Path.Combine(resultsDir, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SweepLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
