using System.Globalization;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// What Slurm says of one job: its state (<c>PENDING</c>, <c>RUNNING</c>, <c>COMPLETED</c>…), the reason it waits or
/// ended, the node, the exit code (of the batch script) and the partition it went to. Parsed from <c>scontrol show job -o</c> or a jobcomp/filetxt line,
/// which share the <c>Key=Value</c> form.
/// </summary>
internal sealed record SlurmJobState(string State, string? Reason, string? Node, int? ExitCode, int? Signal, string? Partition = null)
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";

    /// <summary>States after which no process of the job is left on any node (COMPLETING is not one: it is still cleaning up).</summary>
    private static readonly HashSet<string> Ended = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "REVOKED",
    };

    /// <summary>Ends that are Slurm's doing, not the orchestrator's: the job is failed with Slurm's reason when it left no exit record.</summary>
    private static readonly HashSet<string> ClusterEnds = new(StringComparer.Ordinal)
    {
        "NODE_FAIL", "BOOT_FAIL", "TIMEOUT", "PREEMPTED", "DEADLINE", "OUT_OF_MEMORY", "REVOKED",
    };

    public bool HasEnded => Ended.Contains(State);

    public bool IsClusterEnd => ClusterEnds.Contains(State);

    /// <summary>The failure reason when Slurm ended the job: <c>slurm: NODE_FAIL (reason)</c>.</summary>
    public string ClusterReason => "slurm: " + State + (Reason is { Length: > 0 } r && r != "None" ? $" ({r})" : "");

    /// <summary>Parses <c>JobState=… Reason=… NodeList=… ExitCode=N:S</c> out of one line; null when it has no JobState.</summary>
    public static SlurmJobState? Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !fields.ContainsKey(token[..eq]))
            {
                fields[token[..eq]] = token[(eq + 1)..];
            }
        }
        if (!fields.TryGetValue("JobState", out var state) || state.Length == 0)
        {
            return null;
        }
        var node = fields.GetValueOrDefault("NodeList") is { Length: > 0 } n && n != "(null)" ? n : null;
        int? code = null;
        int? signal = null;
        if (fields.GetValueOrDefault("ExitCode") is { } exit && exit.Split(':') is [var c, var s])
        {
            code = int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var cv) ? cv : null;
            signal = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var sv) ? sv : null;
        }
        return new SlurmJobState(state, fields.GetValueOrDefault("Reason"), node, code, signal, fields.GetValueOrDefault("Partition"));
    }
}
