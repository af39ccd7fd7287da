using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static AstroBench.ServerBench.Stats;

namespace AstroBench.ServerBench;

/// <summary>
/// Figure 2: latency of GET /api/runs with N run folders. The folders are copies of one real run
/// produced by <c>astrobench run --experiments gmst_era --n 10 --no-perf --libraries libnova</c>,
/// each with its own run id (2026-01-01_00-00-00 + i s) written into manifest.json (run_id, started_at, finished_at).
/// </summary>
internal static class RunsBench
{
    public static async Task<string> RunAsync(BenchOptions o)
    {
        var template = await MakeTemplateAsync(o);
        var root = Path.Combine(o.Work, "f2-lab");
        var results = Path.Combine(root, "results");
        Directory.CreateDirectory(results);
        var templateId = Path.GetFileName(template);
        var manifest = await File.ReadAllTextAsync(Path.Combine(template, "manifest.json"));
        using (var doc = JsonDocument.Parse(manifest))
        {
            var startedAt = doc.RootElement.GetProperty("started_at").GetString()!;
            var finishedAt = doc.RootElement.GetProperty("finished_at").GetString()!;
            var baseTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < o.Runs; i++)
            {
                var t = baseTime.AddSeconds(i);
                var id = t.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
                var dir = Path.Combine(results, id);
                CopyDir(template, dir);
                var m = manifest.Replace(templateId, id, StringComparison.Ordinal)
                    .Replace(startedAt, t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace(finishedAt, t.AddMilliseconds(430).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture), StringComparison.Ordinal);
                await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), m);
            }
        }
        Console.Error.WriteLine($"[2] {o.Runs} run folders from template {templateId} in {results}");

        await using var server = ServerProcess.Start(o.Astrobench, root, Path.Combine(o.Work, "server-f2.out"));
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var sw = Stopwatch.StartNew();
        var body = await server.Http.GetStringAsync("/api/runs");
        var coldMs = sw.Elapsed.TotalMilliseconds;
        int count;
        bool newestFirst;
        using (var doc = JsonDocument.Parse(body))
        {
            count = doc.RootElement.GetArrayLength();
            newestFirst = count > 0 && doc.RootElement[0].GetProperty("id").GetString() == RunIdAt(o.Runs - 1)
                && doc.RootElement[0].GetProperty("complete").GetBoolean();
        }
        for (var i = 0; i < 100; i++)
        {
            await server.Http.GetStringAsync("/api/runs");
        }
        var lat = new List<double>(o.Requests);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < o.Requests; i++)
        {
            sw.Restart();
            using var r = await server.Http.GetAsync("/api/runs");
            await r.Content.ReadAsByteArrayAsync();
            lat.Add(sw.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        // after a reload every summary is re-read (manifest parse) on the next request
        var reload = await server.Http.PostAsync("/api/runs/reload", null);
        sw.Restart();
        await server.Http.GetStringAsync("/api/runs");
        var afterReloadMs = sw.Elapsed.TotalMilliseconds;
        var slow = lat.Count(x => x > 10 * Percentile(lat, 50));
        Console.Error.WriteLine($"[2] response {body.Length / 1024.0:0.0} KiB, {count} runs (newest first & complete: {newestFirst}); load {Load()}");
        Console.Error.WriteLine($"[2] cold first request {Ms(coldMs)}; {o.Requests} sequential warm requests over {F(total.Elapsed.TotalSeconds, "0.00")} s: "
            + $"p50 {Ms(Percentile(lat, 50))}, p90 {Ms(Percentile(lat, 90))}, p99 {Ms(Percentile(lat, 99))}, max {Ms(lat.Max())}, mean {Ms(lat.Average())}; {slow} requests > 10×p50");
        Console.Error.WriteLine($"[2] POST /api/runs/reload → {(int)reload.StatusCode}; next GET /api/runs (every manifest re-read) {Ms(afterReloadMs)}");
        return $"FIGURE 2 GET /api/runs with {count} run folders: p50 {Ms(Percentile(lat, 50))}, p99 {Ms(Percentile(lat, 99))} ({o.Requests} warm sequential requests after 100 warm-up), "
            + $"cold first request {Ms(coldMs)}, after /api/runs/reload {Ms(afterReloadMs)}; response {body.Length / 1024.0:0} KiB";

        static string RunIdAt(int i) => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i).ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
    }

    private static async Task<string> MakeTemplateAsync(BenchOptions o)
    {
        var dir = Path.Combine(o.Work, "template-results");
        Directory.CreateDirectory(dir);
        var psi = new ProcessStartInfo(o.Astrobench) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = o.Work };
        foreach (var a in new[] { "run", "--experiments", "gmst_era", "--n", "10", "--no-perf", "--libraries", "libnova", "--results-dir", dir })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"astrobench run failed ({p.ExitCode}): {await stderr}\n{await stdout}");
        }
        return Directory.GetDirectories(dir).Single(d => !Path.GetFileName(d).StartsWith('.'));
    }

    private static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        foreach (var d in Directory.GetDirectories(from))
        {
            CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
        }
    }
}
