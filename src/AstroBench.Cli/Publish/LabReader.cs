using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using AstroBench.Server.Hosting;

namespace AstroBench.Cli.Publish;

/// <summary>
/// The real server, in this process, on a loopback port, read-only over the published runs (<see cref="PublishedResults"/>): publishing asks it the same
/// GETs the web app asks, so the published files have exactly the shapes /api answers (one definition per contract).
/// Its lab root is a temp folder (its own job store, nothing queued), and the lab's background loops — dispatcher,
/// scheduler, retention sweeper, disk monitor, notifications — are not started: publishing never changes the lab.
/// </summary>
internal sealed class LabReader : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private LabReader(WebApplication app, string root, HttpClient http)
    {
        _app = app;
        _root = root;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<LabReader> StartAsync(string labResults, IReadOnlySet<string> runs, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("astrobench-publish-").FullName;
        var resultsDir = PublishedResults.Prepare(labResults, runs, root);
        var section = AstroBenchServerOptions.Section;
        var app = AstroBenchServerApp.Create(
            ["--urls", "http://127.0.0.1:0", $"--{section}:Root={root}", $"--{section}:ResultsDir={resultsDir}",
             $"--{section}:WebDir={Path.Combine(root, "no-web")}"],
            builder =>
            {
                builder.Logging.ClearProviders();
                // The lab's loops are registered by factory; the web host itself is registered by type and stays.
                foreach (var loop in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ToList())
                {
                    builder.Services.Remove(loop);
                }
            });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LabReader(app, root, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // The run folders are links to the lab's: unlink them first, so no recursive delete can ever reach the lab.
        foreach (var link in Directory.EnumerateFileSystemEntries(Path.Combine(_root, "results")).Where(e => new FileInfo(e).LinkTarget is not null))
        {
            File.Delete(link);
        }
        Directory.Delete(_root, recursive: true);
    }
}
