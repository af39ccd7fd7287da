using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace AstroBench.Server.Tests;

/// <summary>A job's WebSocket in the test server: connect to a path, read one whole JSON message.</summary>
internal static class LabSockets
{
    public static Task<WebSocket> Connect(Lab lab, string pathAndQuery)
    {
        var url = new Uri(lab.Factory.Server.BaseAddress, pathAndQuery).ToString().Replace("http", "ws", StringComparison.Ordinal);
        return lab.Factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(url), CancellationToken.None);
    }

    /// <summary>The next message (frames joined), or null when the server closed; bounded, so a silent server fails the test.</summary>
    public static async Task<JsonNode?> ReceiveJson(WebSocket ws)
    {
        var buffer = new byte[1 << 16];
        using var ms = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Eventually.DefaultBound);
            if (r.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            ms.Write(buffer, 0, r.Count);
        }
        while (!r.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(ms.ToArray()));
    }
}
