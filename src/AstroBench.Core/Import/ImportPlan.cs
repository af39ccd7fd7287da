using System.Text.Json;
using AstroBench.Core.Results;

namespace AstroBench.Core.Import;

/// <summary>
/// Every check an import makes before one byte is written: file count, declared sizes, path safety, no links, where the
/// manifest is (at the top, or in one top folder named like a run), that it is a JSON object, and the run id (the
/// manifest's <c>run_id</c>, which must agree with the folder's name when both exist).
/// </summary>
internal sealed record ImportPlan(string RunId, IReadOnlyList<(string[] Segments, ImportEntry Entry)> Files, IReadOnlyList<string[]> Directories)
{
    private const string Manifest = "manifest.json";

    public static ImportPlan Of(IReadOnlyList<ImportEntry> entries, string? folderName, RunImportLimits limits)
    {
        var files = entries.Count(e => !e.IsDirectory);
        if (files > limits.MaxFiles)
        {
            throw new RunImportException(RunImportFailure.TooManyFiles, $"{files} files; at most {limits.MaxFiles} are accepted");
        }
        long total = 0;
        var checkedEntries = new List<(string[] Segments, ImportEntry Entry)>();
        foreach (var e in entries)
        {
            var segments = ImportPaths.Segments(e.Path);
            if (e.IsSpecial)
            {
                throw new RunImportException(RunImportFailure.Link, $"entry '{e.Path}' is a link or special file; only files and folders are accepted");
            }
            if (e.Length < 0 || e.Length > limits.MaxFileBytes)
            {
                throw new RunImportException(RunImportFailure.TooLarge, $"entry '{e.Path}' declares {e.Length} bytes; at most {limits.MaxFileBytes} per file");
            }
            total += e.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw new RunImportException(RunImportFailure.TooLarge, $"the run declares more than {limits.MaxTotalBytes} bytes in all");
            }
            checkedEntries.Add((segments, e));
        }
        var top = checkedEntries.FirstOrDefault(x => !x.Entry.IsDirectory && x.Segments is [Manifest]);
        string? prefix = null;
        if (top.Entry is null)
        {
            var first = checkedEntries.Select(x => x.Segments[0]).Distinct(StringComparer.Ordinal).ToList();
            top = first.Count == 1 ? checkedEntries.FirstOrDefault(x => !x.Entry.IsDirectory && x.Segments is [_, Manifest]) : default;
            if (top.Entry is null)
            {
                throw new RunImportException(RunImportFailure.BadSchema, "no manifest.json at the top of the run or in one top folder");
            }
            prefix = first[0];
        }
        var runId = RunIdOf(ReadManifest(top.Entry), prefix ?? folderName);
        var strip = prefix is null ? 0 : 1;
        var kept = checkedEntries.Where(x => x.Segments.Length > strip).Select(x => (x.Segments[strip..], x.Entry)).ToList();
        return new ImportPlan(runId,
            kept.Where(x => !x.Entry.IsDirectory).ToList(),
            kept.Where(x => x.Entry.IsDirectory).Select(x => x.Item1).ToList());
    }

    private static JsonElement ReadManifest(ImportEntry entry)
    {
        if (entry.Length > RunImportLimits.MaxManifestBytes)
        {
            throw new RunImportException(RunImportFailure.TooLarge, $"manifest.json declares {entry.Length} bytes; at most {RunImportLimits.MaxManifestBytes}");
        }
        try
        {
            using var stream = entry.Open();
            using var doc = JsonDocument.Parse(CappedCopy.ReadAll(stream, entry.Length));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.Clone()
                : throw new RunImportException(RunImportFailure.BadSchema, "manifest.json is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new RunImportException(RunImportFailure.BadSchema, "manifest.json does not parse: " + ex.Message.Split('\n')[0]);
        }
    }

    private static string RunIdOf(JsonElement manifest, string? folderName)
    {
        var declared = manifest.TryGetProperty("run_id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (declared is not null && !RunIds.IsValidRunId(declared))
        {
            throw new RunImportException(RunImportFailure.BadSchema, $"manifest run_id '{Clip(declared)}' is not a valid run id");
        }
        if (declared is not null && folderName is not null && RunIds.IsValidRunId(folderName) && folderName != declared)
        {
            throw new RunImportException(RunImportFailure.BadSchema, $"folder '{Clip(folderName)}' and manifest run_id '{declared}' disagree");
        }
        var id = declared ?? folderName;
        return RunIds.IsValidRunId(id)
            ? id!
            : throw new RunImportException(RunImportFailure.BadSchema, "no valid run id: the manifest has no run_id and the folder is not named like a run");
    }

    private static string Clip(string s) => s.Length > 64 ? s[..64] + "…" : s;
}
