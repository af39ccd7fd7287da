using System.Globalization;
using AstroBench.Core.Adapters;

namespace AstroBench.Core.Running;

/// <summary>
/// The machine-speed probe (docs/engine.md, "The machine-speed probe"): <c>adapters/probe/build/machine_probe</c>, a fixed,
/// deterministic C kernel (kernel 2: eight independent polynomial chains and a libm sine and cosine per op) that
/// <see cref="TimingSchedule"/> times as one fresh process at the start of every timing cycle, never beside a round. Its
/// ns/op says how fast the machine itself was at that moment; nothing in it depends on the run.
/// </summary>
public sealed class MachineProbe(string executable)
{
    /// <summary>The kernel's name and version, recorded in the manifest: probe figures compare only within one kernel.</summary>
    public const string Kernel = "fp-poly+libm-trig/2";

    /// <summary>Values one probe process times (after its warm-up value); the sample is their median, so one interrupted value does not move it.</summary>
    public const int Values = 3;

    /// <summary>The probe binary under an adapters folder, relative to it (built by <c>astrobench adapters build</c>).</summary>
    public static readonly string RelativePath = Path.Combine("probe", "build", "machine_probe");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Executable { get; } = executable;

    /// <summary>The probe built in the first of <paramref name="adapterDirs"/> that has one; null when none is built.</summary>
    public static MachineProbe? Locate(IEnumerable<string> adapterDirs) =>
        adapterDirs.Select(d => Path.Combine(d, RelativePath)).FirstOrDefault(File.Exists) is { } path ? new MachineProbe(path) : null;

    /// <summary>One probe sample (the median of its values, ns/op), or null when the process failed: the probe only informs, it never fails a run.</summary>
    public async Task<double?> SampleAsync(CancellationToken ct)
    {
        var run = await AdapterCommand.RunInAsync(Path.GetDirectoryName(Executable)!, [Executable, Values.ToString(CultureInfo.InvariantCulture)],
            Timeout, ct, withStderr: false);
        ct.ThrowIfCancellationRequested(); // a cancelled run stops here; a timed-out or failed probe only loses its sample
        return run.ExitCode == 0 && !run.TimedOut && Parse(run.Output) is { } values ? Median(values) : null;
    }

    /// <summary>The values of a probe's output line (<c>probe 1 ops N values_ns_per_op v1 … vV</c>), or null when it is not one.</summary>
    public static IReadOnlyList<double>? Parse(string output)
    {
        var words = output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 6 || words[0] != "probe" || words[1] != "1" || words[2] != "ops" || words[4] != "values_ns_per_op")
        {
            return null;
        }
        var values = new List<double>();
        foreach (var w in words.Skip(5))
        {
            if (!double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0) || double.IsInfinity(v))
            {
                return null;
            }
            values.Add(v);
        }
        return values;
    }

    private static double Median(IReadOnlyList<double> values) => Statistics.Percentiles.OfSorted(values.Order().ToArray(), 0.5);
}
