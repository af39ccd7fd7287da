using System.Diagnostics;
using AstroBench.ServerBench;

namespace AstroBench.HistoryBench;

/// <summary>
/// Latency percentiles of sequential requests to the server and the server's CPU time per request (user + system of
/// its process over the batch, divided by the requests): CPU time depends far less on the machine's load than latency.
/// </summary>
internal sealed class Meter(ServerProcess server, int requests)
{
    public int Requests => requests;

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

    /// <summary>
    /// Sequential requests <paramref name="url"/>(0..n-1) after a warm-up of <paramref name="warmUp"/>(0..59) (the same
    /// urls unless given: a cached answer is then warm), with <paramref name="encoding"/> as Accept-Encoding when set.
    /// Returns what, p50, p99, server CPU per request and the mean bytes of a response body as sent.
    /// </summary>
    public async Task<string[]> Measure(string what, Func<int, string> url, int? count = null, Func<int, string>? warmUp = null, string? encoding = null)
    {
        var n = count ?? requests;
        warmUp ??= url;
        var (first, _) = await Get(warmUp(0), encoding);
        // Past the JIT's tiering (a method is recompiled optimized after 30 calls): steady-state figures.
        for (var w = 1; w < Math.Min(n, 60); w++)
        {
            await Get(warmUp(w), encoding);
        }
        var times = new List<double>(n);
        long bytes = 0;
        var cpu = server.CpuSeconds();
        for (var r = 0; r < n; r++)
        {
            var (ms, length) = await Get(url(r), encoding);
            times.Add(ms);
            bytes += length;
        }
        var cpuMs = (server.CpuSeconds() - cpu) * 1000 / n;
        return [$"{what} ({n} requests after warm-up; first {Stats.Ms(first)})", Stats.Ms(Stats.Percentile(times, 50)), Stats.Ms(Stats.Percentile(times, 99)),
            Stats.Ms(cpuMs), Kb(bytes / (double)n)];
    }

    private static string Kb(double bytes) => bytes < 10_240 ? $"{Stats.F(bytes, "0")} B" : $"{Stats.F(bytes / 1024, "0")} KiB";

    private async Task<(double Ms, long Bytes)> Get(string url, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }
        var sw = Stopwatch.StartNew();
        // The handler does not decompress: the length is what went over the wire.
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = sw.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        if (encoding is not null && !response.Content.Headers.ContentEncoding.Contains(encoding))
        {
            throw new InvalidOperationException($"{url}: asked for {encoding}, got '{string.Join(",", response.Content.Headers.ContentEncoding)}'");
        }
        return (ms, body.Length);
    }
}
