using System.Diagnostics;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>Runs one Slurm command with an argument list (never a shell string) and returns what it said.</summary>
internal sealed class SlurmCli(SlurmOptions options)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public bool Ok => ExitCode == 0;

        /// <summary>The first line of stderr (Slurm's message), else of stdout.</summary>
        public string Message => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim().Split('\n')[0];
    }

    public string Resolve(string command) => options.BinDir is { Length: > 0 } dir ? Path.Combine(dir, command) : command;

    public async Task<Result> RunAsync(string command, IEnumerable<string> args, TimeSpan? limit = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(Resolve(command))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit ?? CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{command} did not answer within {(limit ?? CommandTimeout).TotalSeconds} s");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public Result Run(string command, IEnumerable<string> args) => RunAsync(command, args).GetAwaiter().GetResult();
}
