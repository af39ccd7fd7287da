using AstroBench.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace AstroBench.Server.Notifications;

/// <summary>
/// Where links in notifications point: <c>AstroBench:PublicBaseUrl</c> when set, else the server's own first
/// address (a wildcard host becomes localhost), else the default URL.
/// </summary>
internal sealed class PublicBaseUrl(IConfiguration configuration, IServiceProvider services)
{
    public const string Key = AstroBenchServerOptions.Section + ":PublicBaseUrl";

    public string Get()
    {
        if (configuration[Key] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        // Optional: a loop tested without a web host has no server.
        var server = services.GetService(typeof(IServer)) as IServer;
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? AstroBenchServerApp.DefaultUrl;
        if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return AstroBenchServerApp.DefaultUrl;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
