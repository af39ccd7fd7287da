using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AstroBench.Core.Running;
using AstroBench.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Jobs;

/// <summary>
/// Imports the original lab's job files <c>logs/jobs/*.json</c> once (flag in the meta table).
/// Fields are read tolerantly: id|job_id, status, config|parameters, created_at, started_at,
/// finished_at|completed_at|ended_at, run_id|results_dir|results_path, error|reason, notes.
/// A job that was active in the old lab is imported as <c>failed</c> (reason <c>lost</c>). An id that is
/// not 12 hex characters gets a stable 12-hex id derived from it (the original is kept as legacy_id). The config
/// is clamped to <see cref="RunLimits"/>.
/// </summary>
internal sealed partial class LegacyJobImporter(JobStore store, ServerPaths paths, ILogger<LegacyJobImporter> logger)
{
    private const string Flag = "legacy_jobs_imported";

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex JobIdPattern();

    public int ImportOnce()
    {
        if (store.GetMeta(Flag) is not null || !Directory.Exists(paths.LegacyJobsDir))
        {
            return 0;
        }
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(paths.LegacyJobsDir, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                if (Convert(doc.RootElement, Path.GetFileNameWithoutExtension(file)) is { } converted && store.TryImport(converted.Row, converted.LegacyId))
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                logger.LogWarning("legacy job file {File} skipped: {Message}", file, ex.Message);
            }
        }
        store.SetMeta(Flag, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        logger.LogInformation("imported {Count} legacy jobs from {Dir}", count, paths.LegacyJobsDir);
        return count;
    }

    internal static (JobRow Row, string? LegacyId)? Convert(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string? Str(params string[] names)
        {
            foreach (var n in names)
            {
                if (root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    return v.GetString();
                }
            }
            return null;
        }
        DateTimeOffset? Time(params string[] names) =>
            Str(names) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

        var rawId = Str("id", "job_id") ?? fileName;
        var id = JobIdPattern().IsMatch(rawId) ? rawId : System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawId)))[..12];
        var status = (Str("status") ?? JobStatus.Failed).ToLowerInvariant();
        string? reason = Str("error", "reason");
        if (status is "complete" or "done" or "success" or "succeeded")
        {
            status = JobStatus.Completed;
        }
        else if (status is "canceled")
        {
            status = JobStatus.Cancelled;
        }
        else if (!JobStatus.IsTerminal(status))
        {
            reason = "lost";
            status = JobStatus.Failed;
        }
        var config = root.TryGetProperty("config", out var c) || root.TryGetProperty("parameters", out c) ? c : default;
        int Int(string name, int fallback) =>
            config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : fallback;
        bool Bool(string name) =>
            config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        IReadOnlyList<string>? List(string name)
        {
            if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty(name, out var v))
            {
                return null;
            }
            return v.ValueKind switch
            {
                JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
                JsonValueKind.String => v.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                _ => null,
            };
        }
        var jobConfig = Clamp(new JobConfig(List("experiments") ?? ["all"], List("libraries"), Int("n", RunLimits.DefaultN),
            Int("seed", (int)RunLimits.DefaultSeed), Int("perf_rounds", RunLimits.DefaultPerfRounds), Bool("no_perf"), Bool("ci_mode") || Bool("ci")));
        var runId = Str("run_id", "results_dir", "results_path", "output_dir") is { } r ? Path.GetFileName(r.TrimEnd('/')) : null;
        var created = Time("created_at", "started_at") ?? DateTimeOffset.UnixEpoch;
        // The original lab keeps notes inside its request config ({"config": {"notes": …}}).
        var notes = Str("notes") ?? (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("notes", out var nv) && nv.ValueKind == JsonValueKind.String
            ? nv.GetString() : null);
        if (notes is { Length: > RunLimits.MaxNotesLength })
        {
            notes = notes[..RunLimits.MaxNotesLength];
        }
        var row = new JobRow(id, status, jobConfig, string.IsNullOrEmpty(notes) ? null : notes, created, Time("started_at"),
            Time("finished_at", "completed_at", "ended_at"), runId, JobProgress.Empty with { Percent = status == JobStatus.Completed ? 100 : 0 },
            root.TryGetProperty("exit_code", out var e) && e.TryGetInt32(out var code) ? code : null, reason, null, null, null, 0);
        return (row, rawId == id ? null : rawId);
    }

    /// <summary>
    /// An imported config is held to today's <see cref="RunLimits"/>, so "run again" with it is always a valid
    /// start: numbers are clamped into range, lists cut to their maximum length.
    /// </summary>
    internal static JobConfig Clamp(JobConfig c) => c with
    {
        Experiments = c.Experiments.Count is 0 ? ["all"] : [.. c.Experiments.Take(RunLimits.MaxExperiments)],
        Libraries = c.Libraries is { Count: > 0 } libs ? [.. libs.Take(RunLimits.MaxLibraries)] : null,
        N = Math.Clamp(c.N, RunLimits.MinN, RunLimits.MaxN),
        Seed = (int)Math.Clamp(c.Seed, RunLimits.MinSeed, RunLimits.MaxSeed),
        PerfRounds = Math.Clamp(c.PerfRounds, RunLimits.MinPerfRounds, RunLimits.MaxPerfRounds),
    };
}
