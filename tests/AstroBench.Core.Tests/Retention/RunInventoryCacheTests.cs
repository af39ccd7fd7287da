using AstroBench.Core.Caching;
using AstroBench.Core.Retention;

namespace AstroBench.Core.Tests.Retention;

public sealed class RunInventoryCacheTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("ab-inv-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public void List_IgnoresTheReferenceCacheFolder()
    {
        Directory.CreateDirectory(Path.Combine(ReferenceCache.RootFor(_results), "abc"));
        Directory.CreateDirectory(Path.Combine(_results, "2026-12-01_10-00-00"));

        var runs = RunInventory.List(_results);

        Assert.Equal(["2026-12-01_10-00-00"], runs.Select(r => r.RunId));
    }
}
