namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>Builds the real adapters once per test run (make is incremental, so this is cheap when set-up already built them).</summary>
public sealed class AdaptersBuilt : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var result = await CliProcess.RunAsync(Repo.Root, "adapters", "build", "--adapters-dir", Repo.Adapters);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("astrobench adapters build failed:\n" + result.All);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class AdaptersCollection : ICollectionFixture<AdaptersBuilt>
{
    public const string Name = "real adapters";
}
