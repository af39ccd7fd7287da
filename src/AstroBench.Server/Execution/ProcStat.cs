using System.Globalization;

namespace AstroBench.Server.Execution;

/// <summary>The parts of <c>/proc/&lt;pid&gt;/stat</c> the runner needs: state, process group and start time (field 22, clock ticks since boot).</summary>
public readonly record struct ProcStat(int Pid, char State, int Pgrp, long StartTicks)
{
    public bool IsZombie => State is 'Z' or 'X';

    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(pid, text);
    }

    internal static ProcStat? Parse(int pid, string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }
        // Fields after "pid (comm)": [0]=state(3) [1]=ppid(4) [2]=pgrp(5) ... [19]=starttime(22)
        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 20)
        {
            return null;
        }
        return new ProcStat(pid, fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>True when a live (non-zombie) process with this pid and start time exists.</summary>
    public static bool IsAlive(int pid, long startTicks) =>
        Read(pid) is { } s && !s.IsZombie && s.StartTicks == startTicks;
}
