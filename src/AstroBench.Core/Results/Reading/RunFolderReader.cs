using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>
/// Reads run folders under one results directory (docs/run-folder.md), including the original lab's
/// <c>results/&lt;YYYY-MM-DD&gt;/</c> layout and folders without a manifest. Dot-folders (<c>.staging</c>)
/// and names that are not valid run ids are ignored. Thread-safe. Summaries are cached per folder
/// name + manifest mtime, so listing thousands of runs costs one directory scan and one stat per run;
/// new folders appear on the next call. Every id is validated before it becomes a path.
/// </summary>
public sealed partial class RunFolderReader
{
    private const string ManifestFile = "manifest.json";
    private const string SummaryFile = "summary.md";
    private static readonly TimeSpan RescanAfter = TimeSpan.FromSeconds(2);
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly ConcurrentDictionary<string, (DateTime Stamp, RunSummary Summary)> _summaries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Length, DateTime Stamp, SparseLineIndex Index)> _caseIndexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Length, DateTime Stamp, CasesParquetFile Layout)> _caseLayouts = new(StringComparer.Ordinal);
    private readonly Lock _listLock = new();
    private IReadOnlyList<RunSummary> _list = [];
    private DateTime _listDirStamp = DateTime.MinValue;
    private DateTime _listCheckedAt = DateTime.MinValue;

    public RunFolderReader(string resultsDirectory)
    {
        ResultsDirectory = Path.GetFullPath(resultsDirectory);
    }

    public string ResultsDirectory { get; }

    /// <summary>Every run, newest first (by id, which sorts chronologically).</summary>
    public IReadOnlyList<RunSummary> ListRuns()
    {
        lock (_listLock)
        {
            var dirStamp = Directory.Exists(ResultsDirectory) ? Directory.GetLastWriteTimeUtc(ResultsDirectory) : DateTime.MinValue;
            var now = DateTime.UtcNow;
            if (dirStamp == _listDirStamp && now - _listCheckedAt < RescanAfter)
            {
                return _list;
            }
            var runs = new List<RunSummary>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (Directory.Exists(ResultsDirectory))
            {
                foreach (var dir in Directory.EnumerateDirectories(ResultsDirectory))
                {
                    var name = Path.GetFileName(dir);
                    if (!RunIds.IsValidRunId(name))
                    {
                        continue;
                    }
                    seen.Add(name);
                    if (Summarize(name, dir) is { } summary)
                    {
                        runs.Add(summary);
                    }
                }
            }
            foreach (var stale in _summaries.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _summaries.TryRemove(stale, out _);
            }
            runs.Sort((a, b) => string.CompareOrdinal(b.Id, a.Id));
            _list = runs;
            _listDirStamp = dirStamp;
            _listCheckedAt = now;
            return _list;
        }
    }

    /// <summary>Drops every cache; the next call re-reads from disk.</summary>
    public void Reload()
    {
        lock (_listLock)
        {
            _summaries.Clear();
            _caseIndexes.Clear();
            _caseLayouts.Clear();
            _listDirStamp = DateTime.MinValue;
        }
    }

    /// <summary>Makes the next <see cref="ListRuns"/> rescan the folder (cached summaries stay): after a run was removed.</summary>
    public void Refresh()
    {
        lock (_listLock)
        {
            _listDirStamp = DateTime.MinValue;
        }
    }

    /// <summary>The absolute folder of a run, or false when the id is malformed or the folder does not exist.</summary>
    public bool TryGetRunDirectory(string runId, out string directory)
    {
        directory = "";
        if (!RunIds.IsValidRunId(runId))
        {
            return false;
        }
        var path = Path.Combine(ResultsDirectory, runId);
        if (!Directory.Exists(path))
        {
            return false;
        }
        directory = path;
        return true;
    }

    public RunSummary? GetSummary(string runId) =>
        TryGetRunDirectory(runId, out var dir) ? Summarize(runId, dir) : null;

    /// <summary>A run with its manifest and one row per library result; null when unknown.</summary>
    public RunDetail? ReadRun(string runId)
    {
        if (!TryGetRunDirectory(runId, out var dir) || Summarize(runId, dir) is not { } summary)
        {
            return null;
        }
        var manifest = ReadJson(Path.Combine(dir, ManifestFile));
        var rows = new List<ResultRow>();
        var results = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var (experiment, library, file) in ResultFiles(dir, manifest))
        {
            if (ReadJson(file) is { } json)
            {
                rows.Add(ResultRowParser.Parse(json, experiment, library));
                (results.TryGetValue(experiment, out var list) ? list : results[experiment] = []).Add(json);
            }
        }
        var ordered = results.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<JsonElement>)ReferenceFirst(kv.Value), StringComparer.Ordinal);
        var reports = results.Keys.ToDictionary(e => e, e => File.Exists(Path.Combine(dir, e, SummaryFile)), StringComparer.Ordinal);
        return new RunDetail(summary, manifest, rows, ordered, reports);
    }

    /// <summary>A run's manifest as written; null when the run is unknown or has none.</summary>
    public JsonElement? ReadManifest(string runId) =>
        TryGetRunDirectory(runId, out var dir) ? ReadJson(Path.Combine(dir, ManifestFile)) : null;

    /// <summary>Every library JSON of one experiment, reference first; null when the run or experiment is unknown.</summary>
    public ExperimentResults? ReadExperiment(string runId, string experiment)
    {
        if (!RunIds.IsValidExperiment(experiment) || !TryGetRunDirectory(runId, out var dir))
        {
            return null;
        }
        var expDir = Path.Combine(dir, experiment);
        if (!Directory.Exists(expDir))
        {
            return null;
        }
        var results = ReferenceFirst(Directory.EnumerateFiles(expDir, "*.json")
            .Where(f => RunIds.IsValidLibrary(Path.GetFileNameWithoutExtension(f)))
            .Select(ReadJson)
            .OfType<JsonElement>());
        var summaryPath = Path.Combine(expDir, SummaryFile);
        var summary = File.Exists(summaryPath) ? File.ReadAllText(summaryPath) : null;
        return new ExperimentResults(runId, experiment, results, summary);
    }

    /// <summary>
    /// A page of an experiment's cases, by case offset: from <c>cases.parquet</c> (row groups located from the
    /// cached footer layout) or, for older runs, <c>cases.csv</c> (a cached sparse line index). Either way the
    /// file is never read whole, and the answer is the same. Null when the run, experiment or file is unknown.
    /// </summary>
    public async Task<CasesPage?> ReadCasesAsync(string runId, string experiment, long offset, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!RunIds.IsValidExperiment(experiment) || !TryGetRunDirectory(runId, out var dir))
        {
            return null;
        }
        var parquet = Path.Combine(dir, experiment, CasesFiles.ParquetName);
        if (File.Exists(parquet))
        {
            var info = new FileInfo(parquet);
            var layout = _caseLayouts.TryGetValue(parquet, out var cached) && cached.Length == info.Length && cached.Stamp == info.LastWriteTimeUtc
                ? cached.Layout
                : (_caseLayouts[parquet] = (info.Length, info.LastWriteTimeUtc, await CasesParquetFile.OpenAsync(parquet, ct))).Layout;
            var values = await layout.ReadRowsAsync(parquet, offset, limit, ct);
            var rows = values.Select(r => Array.ConvertAll(r, v => double.IsFinite(v) ? v : (double?)null)).ToList();
            return new CasesPage(layout.Columns, rows, offset, limit, layout.Rows);
        }
        var csv = Path.Combine(dir, experiment, CasesFiles.LegacyCsvName);
        return File.Exists(csv) ? ReadCsvCases(csv, offset, limit) : null;
    }

    private CasesPage ReadCsvCases(string path, long offset, int limit)
    {
        var info = new FileInfo(path);
        var index = _caseIndexes.TryGetValue(path, out var cached) && cached.Length == info.Length && cached.Stamp == info.LastWriteTimeUtc
            ? cached.Index
            : (_caseIndexes[path] = (info.Length, info.LastWriteTimeUtc, SparseLineIndex.Build(path))).Index;
        var header = index.ReadLines(path, 0, 1);
        var columns = header.Count == 0 ? [] : header[0].Split(',');
        var total = Math.Max(0, index.LineCount - 1);
        var rows = index.ReadLines(path, offset + 1, limit).Where(l => l.Length > 0).Select(ParseRow).ToList();
        return new CasesPage(columns, rows, offset, limit, total);
    }

    private static double?[] ParseRow(string line)
    {
        var parts = line.Split(',');
        var row = new double?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            row[i] = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        }
        return row;
    }

    private RunSummary? Summarize(string id, string dir)
    {
        var manifestPath = Path.Combine(dir, ManifestFile);
        var stamp = File.Exists(manifestPath) ? File.GetLastWriteTimeUtc(manifestPath) : Directory.GetLastWriteTimeUtc(dir);
        if (_summaries.TryGetValue(id, out var cached) && cached.Stamp == stamp)
        {
            return cached.Summary;
        }
        var summary = File.Exists(manifestPath) && ReadJson(manifestPath) is { } manifest
            ? FromManifest(id, dir, manifest)
            : Inferred(id, dir);
        _summaries[id] = (stamp, summary);
        return summary;
    }

    private static RunSummary FromManifest(string id, string dir, JsonElement manifest) => FromManifest(id, dir, manifest, ResultFiles(dir, manifest).ToList());

    private static RunSummary FromManifest(string id, string dir, JsonElement manifest, List<(string Experiment, string Library, string File)> results)
    {
        var experiments = Strings(manifest, "config", "experiments");
        if (experiments.Count == 0 || experiments is ["all"])
        {
            experiments = Strings(manifest, "completeness", "requested");
        }
        if (experiments.Count == 0)
        {
            experiments = results.Select(r => r.Experiment).Distinct().ToList();
        }
        var libraries = results.Select(r => r.Library).Distinct().Order(StringComparer.Ordinal).ToList();
        var started = ResultRowParser.Str(manifest, "started_at");
        DateTimeOffset? timestamp = started is not null && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : RunIds.TimestampOf(id);
        var complete = ResultRowParser.TryGet(manifest, out var c, "completeness", "complete") && c.ValueKind == JsonValueKind.True;
        return new RunSummary(id, timestamp, ResultRowParser.Str(manifest, "environment", "machine"), experiments, libraries,
            results.Count, complete, RunLayout.Manifest, GitShas(manifest, "environment", "git_sha"), HasAnyReport(dir));
    }

    private static RunSummary Inferred(string id, string dir)
    {
        var results = ResultFiles(dir, null).ToList();
        // Without a manifest, the first result file tells the commits (the original lab's run_metadata).
        var first = results.Count > 0 ? ReadJson(results[0].File) : null;
        return new RunSummary(id, RunIds.TimestampOf(id) ?? new DateTimeOffset(Directory.GetLastWriteTimeUtc(dir), TimeSpan.Zero), null,
            results.Select(r => r.Experiment).Distinct().Order(StringComparer.Ordinal).ToList(),
            results.Select(r => r.Library).Distinct().Order(StringComparer.Ordinal).ToList(),
            results.Count, false, RunIds.IsLegacyDay(id) ? RunLayout.LegacyDated : RunLayout.NoManifest,
            GitShas(first, "run_metadata", "git_shas"), HasAnyReport(dir));
    }

    /// <summary>(experiment, library, absolute file) of every result: from the manifest's list, else from the folders.</summary>
    private static IEnumerable<(string Experiment, string Library, string File)> ResultFiles(string dir, JsonElement? manifest)
    {
        if (manifest is { } m && m.TryGetProperty("results", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var experiment = ResultRowParser.Str(item, "experiment");
                var library = ResultRowParser.Str(item, "library");
                if (RunIds.IsValidExperiment(experiment) && RunIds.IsValidLibrary(library))
                {
                    var file = Path.Combine(dir, experiment!, library + ".json");
                    if (File.Exists(file))
                    {
                        yield return (experiment!, library!, file);
                    }
                }
            }
            yield break;
        }
        foreach (var expDir in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            var experiment = Path.GetFileName(expDir);
            if (!RunIds.IsValidExperiment(experiment))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(expDir, "*.json").Order(StringComparer.Ordinal))
            {
                var library = Path.GetFileNameWithoutExtension(file);
                if (RunIds.IsValidLibrary(library))
                {
                    yield return (experiment, library, file);
                }
            }
        }
    }

    /// <summary>The reference's result first, then candidates by library name (the original lab's
    /// files name the library <c>candidate_library</c>).</summary>
    private static List<JsonElement> ReferenceFirst(IEnumerable<JsonElement> results) => results
        .OrderBy(j => ResultRowParser.Str(j, "role") == "reference" ? 0 : 1)
        .ThenBy(j => ResultRowParser.Str(j, "library") ?? ResultRowParser.Str(j, "candidate_library"), StringComparer.Ordinal)
        .ToList();

    /// <summary>AstroBench's commit as <c>astrobench</c>; a folder of the original lab keeps its own map.</summary>
    private static Dictionary<string, string> GitShas(JsonElement? source, params string[] path)
    {
        var shas = new Dictionary<string, string>(StringComparer.Ordinal);
        if (source is { } s && ResultRowParser.TryGet(s, out var v, path))
        {
            if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } sha)
            {
                shas["astrobench"] = sha;
            }
            else if (v.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in v.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    shas[p.Name] = p.Value.GetString()!;
                }
            }
        }
        return shas;
    }

    private static bool HasAnyReport(string dir) =>
        File.Exists(Path.Combine(dir, SummaryFile))
        || Directory.EnumerateDirectories(dir).Any(d => File.Exists(Path.Combine(d, SummaryFile)));

    private static List<string> Strings(JsonElement element, params string[] path) =>
        ResultRowParser.TryGet(element, out var v, path) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    private static JsonElement? ReadJson(string path)
    {
        using var doc = ReadDocument(path);
        return doc?.RootElement.Clone();
    }
}
