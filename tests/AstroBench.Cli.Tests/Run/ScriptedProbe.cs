namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// A stand-in for the machine-speed probe (docs/engine.md, "The machine-speed probe") under a test's adapters folder: its
/// n-th process prints the n-th of the given samples (then the last one again), in the probe's output format, so a test
/// chooses which cycles the machine was contended in. The real probe is tested on its own (RunMachineProbeTests).
/// </summary>
internal static class ScriptedProbe
{
    public static void Write(string adapters, params double[] samples)
    {
        var build = Directory.CreateDirectory(Path.Combine(adapters, "probe", "build")).FullName;
        File.WriteAllLines(Path.Combine(build, "samples"), samples.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var script = Path.Combine(build, "machine_probe");
        File.WriteAllText(script, """
            #!/bin/sh
            # Its working directory is its own folder (MachineProbe runs it there).
            n=$(cat count 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > count
            v=$(sed -n "${n}p" samples)
            [ -n "$v" ] || v=$(tail -n 1 samples)
            echo "probe 1 ops 1000 values_ns_per_op $v $v $v"
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Probe processes started so far.</summary>
    public static int Calls(string adapters) =>
        File.Exists(Path.Combine(adapters, "probe", "build", "count")) ? int.Parse(File.ReadAllText(Path.Combine(adapters, "probe", "build", "count")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
}
