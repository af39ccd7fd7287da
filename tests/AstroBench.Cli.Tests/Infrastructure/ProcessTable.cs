namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>Reads /proc to find processes, the way `ps` would.</summary>
internal static class ProcessTable
{
    /// <summary>
    /// Live (non-zombie) processes whose environment carries the variable <paramref name="marker"/>: every
    /// descendant of a process started with it (adapters inherit the CLI's environment), wherever it was reparented.
    /// </summary>
    public static IReadOnlyList<int> WithEnvironmentMarker(string marker) =>
        Pids().Where(pid => Read($"/proc/{pid}/environ")?.Split('\0').Any(v => v.StartsWith(marker + "=", StringComparison.Ordinal)) == true && !IsZombie(pid)).ToList();

    /// <summary>"pid: command line" for each of <paramref name="pids"/>, for failure messages.</summary>
    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid}: {Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim()}"));

    /// <summary>SIGKILLs every process carrying <paramref name="marker"/>, so a failed test leaves nothing running.</summary>
    public static void KillMarked(string marker)
    {
        foreach (var pid in WithEnvironmentMarker(marker))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
            }
        }
    }

    private static bool IsZombie(int pid) =>
        Read($"/proc/{pid}/stat") is not { } stat || stat[(stat.LastIndexOf(')') + 2)] is 'Z' or 'X';

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : -1)
            .Where(pid => pid > 0 && pid != Environment.ProcessId);

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
