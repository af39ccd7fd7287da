using System.Text.Json;

namespace AstroBench.Core.Results;

/// <summary>Writes files as temp-then-rename so a reader never sees half a file.</summary>
public static class AtomicFile
{
    public static async Task WriteJsonAsync<T>(string path, T value, CancellationToken ct)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(stream, value, ResultJson.Options, ct);
            await stream.FlushAsync(ct);
        }
        File.Move(temp, path, overwrite: true);
    }

    public static async Task WriteTextAsync(string path, string text, CancellationToken ct)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        await File.WriteAllTextAsync(temp, text, ct);
        File.Move(temp, path, overwrite: true);
    }
}
