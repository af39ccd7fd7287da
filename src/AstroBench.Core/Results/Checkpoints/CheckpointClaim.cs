using System.Globalization;

namespace AstroBench.Core.Results.Checkpoints;

/// <summary>
/// Takes a checkpoint for one resuming process: <c>checkpoint.json</c> is renamed to
/// <c>checkpoint.json.claimed-&lt;pid&gt;</c>, and only one rename of a file can succeed, so two resumes of the
/// same checkpoint never run side by side. The claim of a process that died (crash, SIGKILL) is taken over.
/// </summary>
public static class CheckpointClaim
{
    private const string ClaimInfix = ".claimed-";

    /// <summary>Claims the checkpoint in <paramref name="stagingDir"/> for this process and returns it.</summary>
    public static Checkpoint Take(string stagingDir)
    {
        var own = ClaimPath(stagingDir, Environment.ProcessId);
        var source = CheckpointFile.PathIn(stagingDir);
        if (!File.Exists(source))
        {
            var stale = Claims(stagingDir).FirstOrDefault();
            if (stale.Path is null)
            {
                throw new CheckpointException($"no checkpoint at '{stagingDir}' (the run is not paused)");
            }
            if (stale.Pid != Environment.ProcessId && Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{stale.Pid}")))
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"checkpoint '{stagingDir}' is being resumed by process {stale.Pid}"));
            }
            source = stale.Path;
        }
        var text = File.ReadAllText(source);
        try
        {
            File.Move(source, own, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"checkpoint '{stagingDir}' was claimed by another process: {ex.Message}");
        }
        return CheckpointFile.Parse(text);
    }

    /// <summary>Gives the checkpoint back untouched (a refused resume): a later resume finds it as before.</summary>
    public static void Return(string stagingDir) =>
        File.Move(ClaimPath(stagingDir, Environment.ProcessId), CheckpointFile.PathIn(stagingDir), overwrite: false);

    /// <summary>Drops this process's claim (before a new checkpoint is written or the run is published).</summary>
    public static void Release(string stagingDir) => File.Delete(ClaimPath(stagingDir, Environment.ProcessId));

    /// <summary>Whether a live process other than this one holds a claim (a discard must not pull the folder from under it).</summary>
    public static int? LiveHolder(string stagingDir) =>
        Claims(stagingDir).Where(c => c.Pid != Environment.ProcessId && Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{c.Pid}")))
            .Select(c => (int?)c.Pid).FirstOrDefault();

    public static bool HasClaim(string stagingDir) => Claims(stagingDir).Any();

    private static string ClaimPath(string stagingDir, int pid) =>
        CheckpointFile.PathIn(stagingDir) + ClaimInfix + pid.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(string? Path, int Pid)> Claims(string stagingDir)
    {
        if (!Directory.Exists(stagingDir))
        {
            return [];
        }
        var prefix = CheckpointFile.FileName + ClaimInfix;
        return Directory.EnumerateFiles(stagingDir, prefix + "*")
            .Select(p => (Path: (string?)p, Text: System.IO.Path.GetFileName(p)[prefix.Length..]))
            .Where(c => int.TryParse(c.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(c => (c.Path, int.Parse(c.Text, NumberStyles.None, CultureInfo.InvariantCulture)))
            .ToList();
    }
}
