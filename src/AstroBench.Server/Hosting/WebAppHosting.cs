using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;

namespace AstroBench.Server.Hosting;

/// <summary>Serves the built web app (web/dist) at / with index.html for deep links; /api/* never falls back.</summary>
internal static class WebAppHosting
{
    public static void UseWebApp(WebApplication app, ServerPaths paths)
    {
        if (paths.WebDir is { } dir && Directory.Exists(dir))
        {
            var files = new PhysicalFileProvider(dir);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
    }

    public static void MapFallback(WebApplication app, ServerPaths paths)
    {
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var index = paths.WebDir is { } dir ? Path.Combine(dir, "index.html") : null;
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path == "/api" || index is null || !File.Exists(index)
                || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 404,
                    Title = "Not found",
                    Detail = index is not null && File.Exists(index) ? $"No endpoint {path}." : $"No endpoint {path} (the web app is not built: web/dist is missing).",
                }, options: null, contentType: "application/problem+json");
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });
    }
}
