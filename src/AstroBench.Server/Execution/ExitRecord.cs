using System.Text.Json;

namespace AstroBench.Server.Execution;

/// <summary>The orchestrator's final record (<c>--exit-record</c>, docs/cli.md), read tolerantly.</summary>
public sealed record ExitRecord(string Status, int? ExitCode, string? RunId, string? Reason)
{
    public static ExitRecord? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            int? code = root.TryGetProperty("exit_code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var i) ? i : null;
            var status = Str("status");
            return status is null ? null : new ExitRecord(status, code, Str("run_id") is { } r && r != "-" ? r : null, Str("reason"));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
