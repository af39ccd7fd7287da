using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Endpoints;

/// <summary>
/// WS /api/benchmark/ws/{id}?from=N: replays the log from line N, then streams live lines, progress
/// and status, and finally <c>done</c>. Each connection reads the feed through its own cursor, so a
/// slow client only falls behind (reading older lines from the file) and never blocks anyone.
/// </summary>
internal static class JobWebSocketEndpoint
{
    private const int BatchLines = 512;

    public static IEndpointRouteBuilder MapJobWebSocket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/benchmark/ws/{id}", Handle).WithTags("Jobs").ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Handle(HttpContext context, string id, long? from, bool? batch, JobStore store, JobFeeds feeds, TokenGuard guard,
        IOptions<AstroBenchServerOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        if (from is < 0)
        {
            return Ids.BadRequest("from must be ≥ 0.");
        }
        if (!guard.IsAuthorized(context, allowQuery: true))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "A token is required (?token=).");
        }
        if (!OriginCheck.IsAllowed(context, options.Value))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Cross-origin WebSocket connections are not allowed.");
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Ids.BadRequest("This endpoint expects a WebSocket upgrade.");
        }
        if (store.Get(id) is not { } row)
        {
            return Ids.NotFound($"No job {id}.");
        }
        var feed = feeds.Get(row);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket, feed, from ?? 0, batch ?? false, json.Value.SerializerOptions, TimeSpan.FromSeconds(Math.Max(1, options.Value.WebSocketPingSeconds)));
        await session.RunAsync(context.RequestAborted);
        return Results.Empty;
    }

    private sealed class Session(WebSocket socket, LogFeed feed, long cursor, bool batch, JsonSerializerOptions json, TimeSpan pingEvery)
    {
        // Log lines are the hot path (a million-line job, ten clients): they are written with one
        // reused writer and buffer per connection instead of a serializer call and a fresh array per line.
        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer = new(Stream.Null, new JsonWriterOptions { Encoder = json.Encoder });

        public async Task RunAsync(CancellationToken aborted)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var receive = DrainIncomingAsync(cts);
            var version = -1;
            var lastSend = DateTime.UtcNow;
            string? lastStatus = null;
            try
            {
                while (!cts.IsCancellationRequested && socket.State == WebSocketState.Open)
                {
                    var v = feed.Version;
                    if (v != version)
                    {
                        version = v;
                        if (feed.Status != lastStatus)
                        {
                            lastStatus = feed.Status;
                            await SendAsync(new { type = "status", status = feed.Status, reason = feed.Reason }, cts.Token);
                        }
                        var p = feed.Progress;
                        await SendAsync(new { type = "progress", experiments_done = p.ExperimentsDone, experiments_total = p.ExperimentsTotal,
                            current_experiment = p.CurrentExperiment, current_step = p.CurrentStep, percent = p.Percent }, cts.Token);
                        lastSend = DateTime.UtcNow;
                    }
                    var final = feed.Final;
                    var lines = feed.Read(cursor, BatchLines);
                    if (batch && lines.Count > 0)
                    {
                        await SendLogsAsync(lines, cursor, cts.Token);
                        cursor += lines.Count;
                    }
                    else
                    {
                        foreach (var line in lines)
                        {
                            await SendLogAsync(line, cursor, cts.Token);
                            cursor++;
                        }
                    }
                    if (lines.Count > 0)
                    {
                        lastSend = DateTime.UtcNow;
                        continue;
                    }
                    if (final is not null && cursor >= feed.Count)
                    {
                        await SendAsync(new { type = "done", status = final.Status, exit_code = final.ExitCode, run_id = final.RunId, reason = final.Reason }, cts.Token);
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
                        return;
                    }
                    if (DateTime.UtcNow - lastSend >= pingEvery)
                    {
                        await SendAsync(new { type = "ping", at = DateTimeOffset.UtcNow }, cts.Token);
                        lastSend = DateTime.UtcNow;
                    }
                    await feed.WaitAsync(cursor, version, pingEvery, cts.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // client went away
            }
            finally
            {
                await cts.CancelAsync();
                await receive;
                _writer.Dispose();
            }
        }

        private Task SendAsync<T>(T message, CancellationToken ct) =>
            socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, json), WebSocketMessageType.Text, true, ct);

        /// <summary><c>{"type":"log","line":…,"n":…}</c>, one frame per line (the default contract).</summary>
        private ValueTask SendLogAsync(string line, long n, CancellationToken ct)
        {
            var w = Begin();
            w.WriteStartObject();
            w.WriteString("type", "log");
            w.WriteString("line", line);
            w.WriteNumber("n", n);
            w.WriteEndObject();
            return Flush(ct);
        }

        /// <summary><c>{"type":"logs","from":…,"lines":[…]}</c>, up to <see cref="BatchLines"/> lines per frame (opt-in, <c>?batch=true</c>).</summary>
        private ValueTask SendLogsAsync(List<string> lines, long from, CancellationToken ct)
        {
            var w = Begin();
            w.WriteStartObject();
            w.WriteString("type", "logs");
            w.WriteNumber("from", from);
            w.WriteStartArray("lines");
            foreach (var line in lines)
            {
                w.WriteStringValue(line);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            return Flush(ct);
        }

        private Utf8JsonWriter Begin()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        private ValueTask Flush(CancellationToken ct)
        {
            _writer.Flush();
            return socket.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct);
        }

        private async Task DrainIncomingAsync(CancellationTokenSource cts)
        {
            var buffer = new byte[1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var r = await socket.ReceiveAsync(buffer, cts.Token);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        await cts.CancelAsync();
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
            }
        }
    }

}
