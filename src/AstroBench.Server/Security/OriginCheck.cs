using AstroBench.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace AstroBench.Server.Security;

/// <summary>WebSocket origin check: no Origin (non-browser client), same origin as Host, or a configured origin.</summary>
internal static class OriginCheck
{
    public static bool IsAllowed(HttpContext context, AstroBenchServerOptions options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        if (options.CorsOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
