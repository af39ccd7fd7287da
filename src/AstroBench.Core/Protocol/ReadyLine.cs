namespace AstroBench.Core.Protocol;

/// <summary>
/// Protocol 6's ready line (docs/adapter-protocol.md, "Version 6"): the first line a pre-started adapter writes on stdout.
/// It is read and checked here, before the response, so the response itself is still parsed by <see cref="ResponseReader"/>
/// alone, exactly as for an adapter started just in time.
/// </summary>
public static class ReadyLine
{
    /// <summary>Null when the next line is the ready line; else what came instead (end of output, or the line).</summary>
    public static async Task<string?> ReadAsync(TextReader stdout, CancellationToken ct)
    {
        var line = await stdout.ReadLineAsync(ct);
        if (line is null)
        {
            return "its output ended before the ready line";
        }
        return line.Trim() == ProtocolConstants.ReadyLine
            ? null
            : $"its first line was '{(line.Length > 60 ? line[..60] + "…" : line)}', not the ready line '{ProtocolConstants.ReadyLine}'";
    }
}
