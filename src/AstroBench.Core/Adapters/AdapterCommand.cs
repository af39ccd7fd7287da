using System.Diagnostics;
using System.Text;

namespace AstroBench.Core.Adapters;

/// <summary>Runs an adapter's own build or version command (argv, adapter folder as working directory).</summary>
public static class AdapterCommand
{
    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    /// <param name="withStderr">Whether stderr joins the output: yes for a build's log; no where the output is data (version
    /// lines), since a library may log to stderr at any time (casacore warns there that its leap-second table is old).</param>
    public static Task<Result> RunAsync(AdapterInfo adapter, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken ct,
        bool withStderr = true) =>
        RunInAsync(adapter.Directory, adapter.ResolveCommand(argv), timeout, ct, withStderr);

    /// <summary>The same for a command that belongs to no adapter (the machine probe's build): <paramref name="resolved"/> as given, run in <paramref name="directory"/>.</summary>
    public static async Task<Result> RunInAsync(string directory, IReadOnlyList<string> resolved, TimeSpan timeout, CancellationToken ct,
        bool withStderr = true)
    {
        var psi = new ProcessStartInfo(resolved[0])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in resolved.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }
        using var process = new Process { StartInfo = psi };
        var output = new StringBuilder();
        var gate = new object();
        void Collect(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (gate)
            {
                if (output.Length < 64 * 1024)
                {
                    output.AppendLine(e.Data);
                }
            }
        }
        process.OutputDataReceived += Collect;
        if (withStderr)
        {
            process.ErrorDataReceived += Collect;
        }
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(127, $"cannot start '{resolved[0]}': {ex.Message}", false);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutCts = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, output.ToString(), true);
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString(), false);
    }

    /// <summary>The first line the version command prints, or a description of why there is none.</summary>
    public static async Task<string> VersionAsync(AdapterInfo adapter, CancellationToken ct)
    {
        if (adapter.Manifest.Version is not { Count: > 0 } argv)
        {
            return "unknown (no version command)";
        }
        if (!adapter.Available)
        {
            return "unavailable";
        }
        var result = await RunAsync(adapter, argv, TimeSpan.FromSeconds(10), ct, withStderr: false);
        var first = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return result.ExitCode == 0 && first is not null ? first : $"unknown (version command exited {result.ExitCode})";
    }

    /// <summary>
    /// The <c>key: value</c> lines of the adapter's data_versions command (leap-second table, EOP, ΔT,
    /// ephemeris files), or null when it declares none or is unavailable; a failing command is recorded as such.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>?> DataVersionsAsync(AdapterInfo adapter, CancellationToken ct)
    {
        if (adapter.Manifest.DataVersions is not { Count: > 0 } argv || !adapter.Available)
        {
            return null;
        }
        var result = await RunAsync(adapter, argv, TimeSpan.FromSeconds(30), ct, withStderr: false);
        if (result.ExitCode != 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = $"data_versions command exited {result.ExitCode}" };
        }
        return DataVersionLines.Parse(result.Output);
    }
}
