using System.Text.Json;

namespace AstroBench.Core.Results.Reading;

/// <summary>Streaming a run's result files for the results index (one pass, nothing cloned).</summary>
public sealed partial class RunFolderReader
{
    /// <summary>
    /// The run's summary and manifest (as <see cref="GetSummary"/> and <see cref="ReadManifest"/> give them), and each of
    /// its readable result files — the files <see cref="ReadRun"/> reads — handed to <paramref name="visit"/> with its
    /// experiment folder, in file order. The manifest is parsed once and no document is copied: a visited element is
    /// valid only during the call. Null when the run is unknown. Caches nothing (a rebuild reads every run once).
    /// </summary>
    internal RunSummary? VisitRun(string runId, Action<JsonElement?> manifest, Action<string, JsonElement> visit)
    {
        if (!TryGetRunDirectory(runId, out var dir))
        {
            return null;
        }
        using var document = ReadDocument(Path.Combine(dir, ManifestFile));
        var root = document?.RootElement;
        var results = ResultFiles(dir, root).ToList();
        var summary = root is { } m ? FromManifest(runId, dir, m, results) : Inferred(runId, dir);
        manifest(root);
        foreach (var (experiment, _, file) in results)
        {
            using var json = ReadDocument(file);
            if (json is not null)
            {
                visit(experiment, json.RootElement);
            }
        }
        return summary;
    }

    /// <summary>What <c>ReadJson</c> reads, as a document the caller disposes; null when missing or not JSON.</summary>
    private static JsonDocument? ReadDocument(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return JsonDocument.Parse(stream, DocumentOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
