using System.Net;
using System.Net.Http.Json;

namespace AstroBench.Server.Tests.History;

/// <summary>With a token configured, changing a regression's state needs it (reading does not).</summary>
public sealed class RegressionTokenTests : IDisposable
{
    private readonly Lab _lab = new(settings: new() { ["AstroBench:Token"] = "s3cret" });

    public void Dispose()
    {
        _lab.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task Patch_WithoutTheToken_Is401()
    {
        var response = await _lab.Client.PatchAsync("/api/regressions/0000000000000000", JsonContent.Create(new { state = "acknowledged", by = "ana" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _lab.Client.GetAsync("/api/regressions")).StatusCode);
    }
}
