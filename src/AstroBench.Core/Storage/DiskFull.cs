namespace AstroBench.Core.Storage;

/// <summary>
/// Recognises "No space left on device": on Unix .NET raises an <see cref="IOException"/> whose
/// <see cref="Exception.HResult"/> is the raw errno, ENOSPC (28) on Linux. Writers (Parquet, JSON
/// streams) may wrap it, so inner and aggregated exceptions are searched too.
/// </summary>
public static class DiskFull
{
    /// <summary>ENOSPC on Linux.</summary>
    public const int Errno = 28;

    /// <summary>EDQUOT on Linux: a quota is the same kind of full disk for a run.</summary>
    public const int QuotaErrno = 122;

    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            if (exception is IOException { HResult: Errno or QuotaErrno })
            {
                return true;
            }
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }
            exception = exception.InnerException;
        }
        return false;
    }
}
