using System.Formats.Tar;
using System.IO.Compression;
using AstroBench.Core.Results;

namespace AstroBench.Core.Retention;

/// <summary>
/// Archives a run as <c>&lt;archive_dir&gt;/&lt;run_id&gt;.tar.gz</c> (the folder as its top-level entry). The archive is
/// written to a temp name in the archive folder and renamed into place, so a crash never leaves a truncated
/// <c>.tar.gz</c> under the final name; a retried sweep simply writes it again.
/// </summary>
public static class RunArchiver
{
    public static string ArchivePath(string archiveDir, string runId) => Path.Combine(Path.GetFullPath(archiveDir), runId + ".tar.gz");

    public static string Archive(string runDirectory, string runId, string archiveDir)
    {
        if (!RunIds.IsValidRunId(runId))
        {
            throw new ArgumentException($"'{runId}' is not a run id", nameof(runId));
        }
        Directory.CreateDirectory(archiveDir);
        var final = ArchivePath(archiveDir, runId);
        var temp = Path.Combine(Path.GetFullPath(archiveDir), $".{runId}.tar.gz.tmp-{Environment.ProcessId}");
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                TarFile.CreateFromDirectory(runDirectory, gzip, includeBaseDirectory: true);
            }
            File.Move(temp, final, overwrite: true);
            return final;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
