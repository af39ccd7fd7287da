using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) that checks each request's HMAC-SHA256 signature
/// itself, as a user's receiver would, and answers with the status <see cref="Respond"/> chooses per request number (1-based).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Request(int Number, string? EventId, string? EventType, string? Timestamp, bool SignatureValid, string Body);

    public required string Secret { get; init; }

    /// <summary>The status for request number n; may wait (the restart test holds a response).</summary>
    public Func<int, Task<int>> Respond { get; set; } = _ => Task.FromResult(200);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { Secret = secret };
        app.MapPost("/hook", (Delegate)receiver.Handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address + "/hook";
        return receiver;
    }

    private async Task<IResult> Handle(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var given = context.Request.Headers["X-AstroBench-Signature"].ToString();
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
        var number = Interlocked.Increment(ref _count);
        Requests.Enqueue(new Request(number, context.Request.Headers["X-AstroBench-Delivery"], context.Request.Headers["X-AstroBench-Event"],
            context.Request.Headers["X-AstroBench-Timestamp"], valid, Encoding.UTF8.GetString(body)));
        return valid ? Results.StatusCode(await Respond(number)) : Results.StatusCode(401);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
