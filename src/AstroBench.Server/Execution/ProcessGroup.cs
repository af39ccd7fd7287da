using System.Globalization;
using System.Runtime.InteropServices;

namespace AstroBench.Server.Execution;

/// <summary>Signals a whole process group and tells whether any live member remains (zombies do not count).</summary>
internal static class ProcessGroup
{
    /// <summary>kill(-pgid, sig). True when delivered or when the group no longer exists.</summary>
    public static bool Signal(int pgid, int signal, out string? error)
    {
        error = null;
        if (pgid <= 1)
        {
            error = $"refusing to signal process group {pgid}";
            return false;
        }
        if (LibC.kill(-pgid, signal) == 0)
        {
            return true;
        }
        var errno = Marshal.GetLastPInvokeError();
        if (errno == LibC.ESRCH)
        {
            return true;
        }
        error = $"kill(-{pgid}, {signal}) failed: errno {errno}";
        return false;
    }

    /// <summary>Pids of live (non-zombie) processes whose process group is <paramref name="pgid"/>.</summary>
    public static List<int> Members(int pgid)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            if (ProcStat.Read(pid) is { } stat && stat.Pgrp == pgid && !stat.IsZombie)
            {
                pids.Add(pid);
            }
        }
        return pids;
    }

    /// <summary>How often <see cref="WaitEmptyAsync"/> looks at /proc (real time: it checks a fact, it is not a deadline).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Polls until the group has no live member or <paramref name="timeout"/> has passed on <paramref name="clock"/>
    /// (default <see cref="TimeProvider.System"/>, monotonic); returns the survivors.
    /// </summary>
    public static async Task<List<int>> WaitEmptyAsync(int pgid, TimeSpan timeout, Action? reap = null, TimeProvider? clock = null,
        CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        var started = clock.GetTimestamp();
        while (true)
        {
            reap?.Invoke();
            var members = Members(pgid);
            if (members.Count == 0 || clock.GetElapsedTime(started) >= timeout)
            {
                return members;
            }
            await Task.Delay(PollInterval, ct);
        }
    }
}
