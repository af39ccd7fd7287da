using System.Diagnostics;
using AstroBench.ServerBench;

namespace AstroBench.HistoryBench;

/// <summary>
/// Latency percentiles of sequential requests to the server and the server's CPU time per request (user + system of
/// its process over the batch, divided by the requests): CPU time depends far less on the machine's load than latency.
/// </summary>
internal sealed class Meter(ServerProcess server, int requests)
{
    public static (double Wall, double Cpu) Time(Action action)
    {
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Waits until the server's start-up work (index sync, regression pass) is over: two quiet half-seconds in a row.</summary>
    public async Task WaitIdleAsync()
    {
        var quiet = 0;
        var last = server.CpuSeconds();
        for (var i = 0; i < 1200 && quiet < 2; i++)
        {
            await Task.Delay(500);
            var now = server.CpuSeconds();
            quiet = now - last < 0.03 ? quiet + 1 : 0;
            last = now;
        }
    }

    public async Task<string[]> Measure(string what, Func<int, string> url, int? count = null)
    {
        var n = count ?? requests;
        var first = await Get(url(0));
        // Past the JIT's tiering (a method is recompiled optimized after 30 calls): steady-state figures.
        for (var w = 1; w < Math.Min(n, 60); w++)
        {
            await Get(url(w));
        }
        var times = new List<double>(n);
        var cpu = server.CpuSeconds();
        for (var r = 0; r < n; r++)
        {
            times.Add(await Get(url(r)));
        }
        var cpuMs = (server.CpuSeconds() - cpu) * 1000 / n;
        return [$"{what} ({n} requests after warm-up; first {Stats.Ms(first)})", Stats.Ms(Stats.Percentile(times, 50)), Stats.Ms(Stats.Percentile(times, 99)), Stats.Ms(cpuMs)];
    }

    private async Task<double> Get(string url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await server.Http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return sw.Elapsed.TotalMilliseconds;
    }
}
