using AstroBench.Core.Storage;

namespace AstroBench.Core.Tests.Storage;

/// <summary>ENOSPC is recognised from the exception .NET really raises on a full tmpfs, wrapped or not.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-diskfull-").FullName;
    private readonly TmpfsMount _disk;

    public DiskFullTests() => _disk = TmpfsMount.Create(Path.Combine(_dir, "mnt"), 64 * 1024);

    public void Dispose()
    {
        _disk.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Is_True_ForTheRealNoSpaceError_AlsoWhenWrapped()
    {
        var error = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes(Path.Combine(_disk.Path, "big"), new byte[1024 * 1024]));

        Assert.True(DiskFull.Is(error), $"{error.GetType()} HResult={error.HResult}: {error.Message}");
        Assert.True(DiskFull.Is(new InvalidOperationException("writer failed", error)));
        Assert.True(DiskFull.Is(new AggregateException(new TimeoutException(), error)));
    }

    [Fact]
    public void Is_False_ForOtherIoErrors()
    {
        var missing = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(Path.Combine(_dir, "none", "x")));

        Assert.False(DiskFull.Is(missing));
        Assert.False(DiskFull.Is(new IOException("disk full, says the message only")));
        Assert.False(DiskFull.Is(null));
    }
}
