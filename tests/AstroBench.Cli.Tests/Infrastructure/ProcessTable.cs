namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>Reads /proc to find processes, the way `ps` would.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> WithCommandLineContaining(string text) =>
        Pids().Where(pid => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Contains(text, StringComparison.Ordinal) == true).ToList();

    /// <summary>Processes whose environment carries <paramref name="marker"/>: every descendant of a process started with it.</summary>
    public static IReadOnlyList<int> WithEnvironmentMarker(string marker) =>
        Pids().Where(pid => Read($"/proc/{pid}/environ")?.Contains(marker, StringComparison.Ordinal) == true).ToList();

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
