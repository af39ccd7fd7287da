using AstroBench.Server.Hosting;

namespace AstroBench.Server.Tests;

/// <summary>
/// Entry point of this assembly: hosts the real server. WebApplicationFactory uses it in-process; the
/// kill -9 test runs this assembly as a separate server process (<c>dotnet AstroBench.Server.Tests.dll --urls …</c>).
/// </summary>
public sealed class TestServerProgram
{
    public static void Main(string[] args) => AstroBenchServerApp.Create(args).Run();
}
