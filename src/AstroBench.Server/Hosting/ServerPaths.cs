namespace AstroBench.Server.Hosting;

/// <summary>Absolute paths derived from <see cref="AstroBenchServerOptions"/>; the one place that resolves defaults.</summary>
internal sealed class ServerPaths
{
    public ServerPaths(AstroBenchServerOptions options)
    {
        Root = Path.GetFullPath(options.Root ?? Directory.GetCurrentDirectory());
        ResultsDir = Path.GetFullPath(options.ResultsDir ?? Path.Combine(Root, "results"));
        LogsDir = Path.Combine(Root, "logs");
        Database = Path.Combine(Root, "astrobench-jobs.db");
        RepoRoot = FindRepoRoot(Root) ?? FindRepoRoot(AppContext.BaseDirectory);
        WebDir = options.WebDir is { } w ? Path.GetFullPath(w) : RepoRoot is { } r ? Path.Combine(r, "web", "dist") : null;
        var dirs = options.AdapterDirs.Select(Path.GetFullPath).ToList();
        AdapterDirs = dirs;
        CatalogAdapterDirs = dirs.Count > 0 ? dirs : RepoRoot is { } repo ? [Path.Combine(repo, "adapters")] : [];
    }

    public string Root { get; }
    public string ResultsDir { get; }
    public string LogsDir { get; }
    public string Database { get; }
    public string? RepoRoot { get; }
    public string? WebDir { get; }

    /// <summary>Passed to the orchestrator (empty: it finds its own adapters).</summary>
    public IReadOnlyList<string> AdapterDirs { get; }

    /// <summary>Folders listed by GET /api/adapters.</summary>
    public IReadOnlyList<string> CatalogAdapterDirs { get; }

    public string LogFile(string jobId) => Path.Combine(LogsDir, jobId + ".log");
    public string StderrFile(string jobId) => Path.Combine(LogsDir, jobId + ".stderr.log");
    public string ExitRecordFile(string jobId) => Path.Combine(LogsDir, jobId + ".exit.json");

    /// <summary>Written just before a job's process is spawned, removed once its pid is stored (docs/queue.md, restart rule).</summary>
    public string SpawnMarkerFile(string jobId) => Path.Combine(LogsDir, jobId + ".spawning");
    public string LegacyJobsDir => Path.Combine(LogsDir, "jobs");

    /// <summary>The nearest folder at or above <paramref name="start"/> holding both adapters/ and src/.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "adapters")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
