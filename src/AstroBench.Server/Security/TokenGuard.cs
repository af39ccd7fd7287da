using System.Security.Cryptography;
using System.Text;
using AstroBench.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Security;

/// <summary>
/// The optional shared token: when configured, POSTs and the WebSocket need it (Bearer header,
/// X-AstroBench-Token, or ?token= for the WebSocket). Compared in constant time.
/// </summary>
internal sealed class TokenGuard(IOptions<AstroBenchServerOptions> options)
{
    private readonly byte[]? _token = (options.Value.Token ?? Environment.GetEnvironmentVariable("ASTROBENCH_TOKEN")) is { Length: > 0 } t
        ? Encoding.UTF8.GetBytes(t)
        : null;

    public bool Enabled => _token is not null;

    public bool IsAuthorized(HttpContext context, bool allowQuery)
    {
        if (_token is null)
        {
            return true;
        }
        string? given = null;
        if (context.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            given = auth["Bearer ".Length..].Trim();
        }
        given ??= context.Request.Headers["X-AstroBench-Token"].FirstOrDefault();
        if (given is null && allowQuery)
        {
            given = context.Request.Query["token"].FirstOrDefault();
        }
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _token);
    }

    /// <summary>Endpoint filter for mutating endpoints.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var guard = context.HttpContext.RequestServices.GetService(typeof(TokenGuard)) as TokenGuard;
        if (guard is not null && !guard.IsAuthorized(context.HttpContext, allowQuery: false))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "This server requires a token (Authorization: Bearer <token>).",
            });
        }
        return await next(context);
    }
}
