using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AstroBench.Server.History;

/// <summary>The content codings <c>GET /api/history</c> answers in: Brotli, then gzip, when the client accepts them (q &gt; 0).</summary>
internal static class HistoryEncodings
{
    public const string Gzip = "gzip";
    public const string Brotli = "br";

    /// <summary>The coding to answer <paramref name="request"/> in; null for identity.</summary>
    public static string? Choose(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (accepted is not { Count: > 0 })
        {
            return null;
        }
        return Accepts(accepted, Brotli) ? Brotli : Accepts(accepted, Gzip) ? Gzip : null;
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding)
    {
        // An explicit entry decides (q=0 refuses); otherwise "*" does.
        var named = accepted.FirstOrDefault(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase));
        var entry = named ?? accepted.FirstOrDefault(a => a.Value.Value == "*");
        return entry is not null && (entry.Quality ?? 1) > 0;
    }
}
