using AstroBench.Server.Baselines;
using AstroBench.Server.Endpoints;
using AstroBench.Server.Import;
using AstroBench.Server.Execution;
using AstroBench.Server.History;
using AstroBench.Server.Jobs;
using AstroBench.Server.Queue;
using AstroBench.Server.Scheduling;
using AstroBench.Server.Storage;
using AstroBench.Server.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Hosting;

/// <summary>
/// Builds the AstroBench web application: API, WebSocket, OpenAPI and the built web app. Binds to
/// http://127.0.0.1:8000 unless URLs are configured. Before it serves, legacy job files are imported
/// and active jobs are reconciled (reattached or settled). A second server on the same lab root throws
/// <see cref="LabRootLockedException"/> from <see cref="Create"/>; a Slurm lab whose root the nodes do not share throws
/// <see cref="Execution.Slurm.SharedRootCheckException"/>.
/// </summary>
public static class AstroBenchServerApp
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddAstroBenchServer(builder.Configuration);
        var bodyLimit = builder.Configuration.GetSection(AstroBenchServerOptions.Section).GetValue<long?>("MaxRequestBodyBytes") ?? 64 * 1024;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = bodyLimit;
            k.AddServerHeader = false;
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var cors = builder.Configuration.GetSection(AstroBenchServerOptions.Section + ":CorsOrigins").Get<string[]>() ?? [];
        if (cors.Length > 0)
        {
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(cors).AllowAnyHeader().AllowAnyMethod()));
        }
        configure?.Invoke(builder);
        var app = builder.Build();
        // Before anything touches the job store: a second server on the same root stops here.
        app.Services.GetRequiredService<LabRootLock>();
        try
        {
            // A Slurm lab whose nodes do not see its root stops here too, with one line (docs/slurm.md).
            ActivatorUtilities.CreateInstance<Execution.Slurm.SharedRootCheck>(app.Services).EnsureShared();
        }
        catch (Execution.Slurm.SharedRootCheckException)
        {
            ((IDisposable)app).Dispose();
            throw;
        }
        UseAstroBench(app, cors.Length > 0);
        return app;
    }

    private static void UseAstroBench(WebApplication app, bool cors)
    {
        var options = app.Services.GetRequiredService<IOptions<AstroBenchServerOptions>>().Value;
        // No stack traces: every unhandled error is a Problem Details; a bad request (malformed JSON,
        // unparsable query value, body too large) keeps its 4xx status.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // An endpoint may declare a larger limit (POST /api/runs/import takes a run archive).
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 413,
                    Title = "Request body too large",
                    Detail = $"Bodies are limited to {limit} bytes.",
                }, options: null, contentType: "application/problem+json");
                return;
            }
            await next(context);
        });
        if (cors)
        {
            app.UseCors();
        }
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(Math.Max(1, options.WebSocketPingSeconds)) });
        WebAppHosting.UseWebApp(app, app.Services.GetRequiredService<ServerPaths>());
        app.MapOpenApi();
        app.MapJobs();
        app.MapQueue();
        app.MapQueueAdmin();
        app.MapJobWebSocket();
        app.MapRuns();
        app.MapScoreboard();
        app.MapRetention();
        app.MapCompare();
        app.MapBaselines();
        app.MapRunImport();
        app.MapCatalog();
        app.MapHealth();
        app.MapNotifications();
        app.MapStorage();
        app.MapSchedules();
        app.MapExecutors();
        app.MapHistory();
        app.MapRegressions();
        WebAppHosting.MapFallback(app, app.Services.GetRequiredService<ServerPaths>());

        app.Services.GetRequiredService<LegacyJobImporter>().ImportOnce();
        app.Services.GetRequiredService<StartupReconciler>().Reconcile();
    }
}
