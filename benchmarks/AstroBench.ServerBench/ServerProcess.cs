using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AstroBench.ServerBench;

/// <summary>
/// One <c>astrobench serve</c> process started by the benchmark on 127.0.0.1 and a free port. Its
/// stdout/stderr go to a file; it is stopped by its own pid when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _sinceSpawn;

    private ServerProcess(Process process, Stopwatch sinceSpawn, int port)
    {
        _process = process;
        _sinceSpawn = sinceSpawn;
        Port = port;
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public int Pid => _process.Id;
    public int Port { get; }
    public HttpClient Http { get; }
    public Uri WebSocketBase => new($"ws://127.0.0.1:{Port}");

    public static ServerProcess Start(string astrobench, string root, string outputFile, IReadOnlyDictionary<string, string>? env = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(astrobench)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var a in new[] { "serve", "--root", root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var output = new StreamWriter(outputFile, append: true) { AutoFlush = true };
        var sw = Stopwatch.StartNew();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + astrobench);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) { lock (output) { output.WriteLine(d); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) { lock (output) { output.WriteLine("[stderr] " + d); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, sw, port);
    }

    /// <summary>Polls GET /api/health every 5 ms; returns the time from spawn to the first 200.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (_sinceSpawn.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {_process.ExitCode} before answering");
            }
            try
            {
                using var r = await probe.GetAsync("/api/health");
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return _sinceSpawn.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("server did not answer /api/health within " + timeout);
    }

    /// <summary>VmRSS and VmHWM of the server process, in KiB.</summary>
    public (long RssKb, long HwmKb) Memory() => ProcMemory(Pid);

    /// <summary>User + system CPU seconds of the server so far (/proc/&lt;pid&gt;/stat, 100 ticks/s).</summary>
    public double CpuSeconds() => Cpu().User + Cpu().System;

    /// <summary>User and system CPU seconds of the server so far.</summary>
    public (double User, double System) Cpu()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime = field 14, stime = field 15
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) / 100.0, long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture) / 100.0);
    }

    /// <summary>Read and write system calls of the server so far (/proc/&lt;pid&gt;/io syscr, syscw); -1 when unreadable.</summary>
    public (long Reads, long Writes) Syscalls()
    {
        try
        {
            long r = -1, w = -1;
            foreach (var line in File.ReadLines($"/proc/{Pid}/io"))
            {
                if (line.StartsWith("syscr:", StringComparison.Ordinal))
                {
                    r = ParseKb(line);
                }
                else if (line.StartsWith("syscw:", StringComparison.Ordinal))
                {
                    w = ParseKb(line);
                }
            }
            return (r, w);
        }
        catch (IOException)
        {
            return (-1, -1);
        }
        catch (UnauthorizedAccessException)
        {
            return (-1, -1);
        }
    }

    public static (long RssKb, long HwmKb) ProcMemory(int pid)
    {
        long rss = -1, hwm = -1;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKb(line);
            }
        }
        return (rss, hwm);
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // SIGTERM first (graceful shutdown), then SIGKILL of this pid only.
            _ = Kill(_process.Id, 15);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
