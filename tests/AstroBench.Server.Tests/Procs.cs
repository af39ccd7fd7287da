using System.Globalization;

namespace AstroBench.Server.Tests;

/// <summary>/proc helpers: live members of a process group (what ps would show).</summary>
internal static class Procs
{
    public static List<int> GroupMembers(int pgid)
    {
        var list = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(f[2], CultureInfo.InvariantCulture) == pgid && f[0] != "Z")
                {
                    list.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }
        return list;
    }

    /// <summary>Whether <paramref name="pid"/> is still running: it exists and is not a zombie.</summary>
    public static bool IsLive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Live processes whose environment carries ASTROBENCH_JOB_ID=<paramref name="jobId"/> (the orchestrator and every adapter it started).</summary>
    public static List<int> OfJob(string jobId)
    {
        var tag = "ASTROBENCH_JOB_ID=" + jobId;
        var list = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var env = File.ReadAllText(Path.Combine(dir, "environ"));
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (env.Split('\0').Contains(tag) && stat[(stat.LastIndexOf(')') + 2)] != 'Z')
                {
                    list.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return list;
    }

    /// <summary>Pids of processes whose command line mentions <paramref name="text"/> (e.g. a job's log path).</summary>
    public static List<int> WithCommandLine(string text)
    {
        var list = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (cmd.Contains(text, StringComparison.Ordinal) && stat[(stat.LastIndexOf(')') + 2)] != 'Z')
                {
                    list.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }
        return list;
    }

    /// <summary>The command line of <paramref name="pid"/> with spaces between arguments ("" when gone).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>True when <paramref name="pid"/> has set SIGTERM to "ignored" (bit 15 of SigIgn in /proc/pid/status).</summary>
    public static bool IgnoresSigterm(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (15 - 1))) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>True while <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
