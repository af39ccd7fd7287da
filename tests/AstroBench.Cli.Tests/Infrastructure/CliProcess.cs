using System.Diagnostics;

namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>Runs the real astrobench binary as a child process.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Pid => _process.Id;

    public static CliProcess Start(string workingDir, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        args = args.ToList();
        var psi = new ProcessStartInfo(args.FirstOrDefault() == "run" ? Repo.Orchestrator : Repo.AstroBench)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        return new CliProcess(process);
    }

    public async Task<CliResult> WaitAsync(TimeSpan? timeout = null)
    {
        // A bound, not a measurement: generous enough for 20 concurrent runs on a loaded 2-core machine.
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        await _process.WaitForExitAsync(cts.Token);
        return new CliResult(_process.ExitCode, await _stdout, await _stderr);
    }

    public static async Task<CliResult> RunAsync(string workingDir, params string[] args) =>
        await Start(workingDir, args).WaitAsync();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;

    public IEnumerable<string> Lines => All.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
