using System.Text.Json;
using AstroBench.Core.Results;

namespace AstroBench.Cli.Output;

/// <summary>The --exit-record file (docs/cli.md): the last thing a run writes, atomically.</summary>
internal static class ExitRecordWriter
{
    public sealed record ExitRecord(string Status, int ExitCode, string? RunId, string? RunPath, string? Reason, int Pid, DateTimeOffset FinishedAt);

    public static void Write(string? path, string status, int exitCode, string? runId, string? runPath, string? reason)
    {
        if (path is null)
        {
            return;
        }
        var record = new ExitRecord(status, exitCode, runId, runPath, reason, Environment.ProcessId, DateTimeOffset.UtcNow);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, ResultJson.Options));
        File.Move(temp, path, overwrite: true);
    }
}
