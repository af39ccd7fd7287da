using System.Diagnostics;
using System.Globalization;

namespace AstroBench.HistoryBench;

/// <summary>Runs a command to its end and reports its wall time and CPU time (user + system of the reaped child).</summary>
internal static class ChildProcess
{
    public static (double WallSeconds, double CpuSeconds, string Output) Timed(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var before = ChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {output} {stderr.Result}");
        }
        return (wall, ChildrenCpuSeconds() - before, output);
    }

    /// <summary>cutime + cstime of this process (/proc/self/stat fields 16 and 17): CPU of every waited-for child.</summary>
    private static double ChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }
}
