using System.IO.Compression;
using AstroBench.Core.Results;

namespace AstroBench.Core.Import;

/// <summary>
/// Imports a run made elsewhere (docs/publish-import.md): every check of <see cref="ImportPlan"/> first, then the id is
/// reserved exactly as a local run reserves it (<see cref="RunStaging.TryReserve"/>), the files are written into
/// <c>results/.staging/&lt;id&gt;</c> and published with one rename. Any failure deletes the staging folder: nothing is
/// half-imported, and a refused import writes nothing at all.
/// </summary>
public static class RunImporter
{
    public static RunImportResult ImportZip(Stream zip, string resultsDir, RunImportLimits? limits = null)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new RunImportException(RunImportFailure.BadArchive, "not a readable zip archive: " + ex.Message);
        }
        using (archive)
        {
            return Import(ZipImportSource.Entries(archive), null, resultsDir, limits ?? RunImportLimits.Default);
        }
    }

    /// <summary>A zip file or a run folder, by what <paramref name="path"/> is.</summary>
    public static RunImportResult ImportPath(string path, string resultsDir, RunImportLimits? limits = null)
    {
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            return ImportZip(stream, resultsDir, limits);
        }
        var name = Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar));
        return Import(FolderImportSource.Entries(path), name, resultsDir, limits ?? RunImportLimits.Default);
    }

    private static RunImportResult Import(IReadOnlyList<ImportEntry> entries, string? folderName, string resultsDir, RunImportLimits limits)
    {
        var plan = ImportPlan.Of(entries, folderName, limits);
        using var staging = RunStaging.TryReserve(resultsDir, plan.RunId)
            ?? throw new RunImportException(RunImportFailure.Duplicate, $"run {plan.RunId} already exists");
        long bytes = 0;
        try
        {
            foreach (var dir in plan.Directories)
            {
                Directory.CreateDirectory(ImportPaths.Under(staging.StagingPath, dir));
            }
            foreach (var (segments, entry) in plan.Files)
            {
                var target = ImportPaths.Under(staging.StagingPath, segments);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var from = entry.Open();
                using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                bytes += CappedCopy.Copy(from, to, entry.Length, entry.Path);
                if (bytes > limits.MaxTotalBytes)
                {
                    throw new RunImportException(RunImportFailure.TooLarge, $"the run holds more than {limits.MaxTotalBytes} bytes");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new RunImportException(RunImportFailure.BadArchive, $"could not extract run {plan.RunId}: {ex.Message}");
        }
        try
        {
            staging.Publish();
        }
        catch (IOException) when (Directory.Exists(staging.FinalPath))
        {
            throw new RunImportException(RunImportFailure.Duplicate, $"run {plan.RunId} already exists");
        }
        return new RunImportResult(plan.RunId, staging.FinalPath, plan.Files.Count, bytes);
    }
}
