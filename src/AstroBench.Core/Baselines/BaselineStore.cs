using System.Text.Json;
using AstroBench.Core.Results;

namespace AstroBench.Core.Baselines;

/// <summary>
/// Baselines, one per testbed, in <c>results/.baselines.json</c> beside the runs (a dot-file: the run reader never
/// lists it), so the CLI's <c>compare baseline …</c> and the server see the same store without sharing a process.
/// Every change is read-modify-write under an exclusive lock file (<c>.baselines.lock</c>) and lands by
/// temp-then-rename, so a reader sees the old file or the new one, never half of one, and two writers never lose
/// each other's change. A missing or unreadable file reads as no baselines.
/// </summary>
public sealed class BaselineStore(string resultsDir)
{
    public const string FileName = ".baselines.json";
    private const string LockName = ".baselines.lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public string ResultsDir { get; } = Path.GetFullPath(resultsDir);

    public string FilePath => Path.Combine(ResultsDir, FileName);

    public IReadOnlyList<Baseline> All() => Read();

    public Baseline? For(string testbed) => Read().FirstOrDefault(b => b.Testbed == testbed);

    public IReadOnlySet<string> RunIds() => Read().Select(b => b.RunId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="runId"/> the baseline of <paramref name="testbed"/>, replacing any previous one.</summary>
    public Baseline Set(string testbed, string runId, DateTimeOffset at)
    {
        if (!TestbedKey.IsValid(testbed) || !Results.RunIds.IsValidRunId(runId))
        {
            throw new ArgumentException($"bad baseline: testbed '{testbed}', run '{runId}'");
        }
        var baseline = new Baseline(testbed, runId, at.ToUniversalTime());
        Change(list => [.. list.Where(b => b.Testbed != testbed), baseline]);
        return baseline;
    }

    /// <summary>Removes the baseline of <paramref name="testbed"/>; false when it had none.</summary>
    public bool Remove(string testbed)
    {
        var removed = false;
        Change(list =>
        {
            removed = list.Any(b => b.Testbed == testbed);
            return [.. list.Where(b => b.Testbed != testbed)];
        });
        return removed;
    }

    private void Change(Func<IReadOnlyList<Baseline>, List<Baseline>> change)
    {
        Directory.CreateDirectory(ResultsDir);
        using var held = AcquireLock();
        var next = change(Read()).OrderBy(b => b.Testbed, StringComparer.Ordinal).ToList();
        var temp = Path.Combine(ResultsDir, $"{FileName}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(temp, JsonSerializer.Serialize(new BaselineFile(next), ResultJson.Options) + "\n");
        File.Move(temp, FilePath, overwrite: true);
    }

    private FileStream AcquireLock()
    {
        var path = Path.Combine(ResultsDir, LockName);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: a second writer (CLI or server) waits here.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private List<Baseline> Read()
    {
        try
        {
            if (!File.Exists(FilePath))
            {
                return [];
            }
            var file = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(FilePath), ResultJson.Options);
            return (file?.Baselines ?? [])
                .Where(b => b is not null && TestbedKey.IsValid(b.Testbed) && Results.RunIds.IsValidRunId(b.RunId))
                .ToList();
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
