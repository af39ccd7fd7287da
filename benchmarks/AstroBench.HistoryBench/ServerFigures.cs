using AstroBench.ServerBench;

namespace AstroBench.HistoryBench;

/// <summary>The endpoint figures of the history benchmark, measured on the running server.</summary>
internal static class ServerFigures
{
    public static async Task MeasureAsync(Meter meter, FigureTable table, int experiments, int libraries, int totalRuns)
    {
        var pairs = experiments * libraries;
        string History(int r, string extra = "") =>
            $"/api/history?experiment={RunFolderGenerator.Experiment(r % experiments)}&library={RunFolderGenerator.Library(r % libraries)}{extra}";
        // Every measured request asks what no request asked before (the limit steps down once all pairs were asked):
        // the figure of an answer computed, never one served from the server's cache. The warm-up asks other limits.
        string Fresh(int r, int top = 1000) => History(r, $"&limit={top - r / pairs}");
        string WarmUp(int r) => History(r, $"&limit={500 - r}");
        table.Add(await meter.Measure($"GET /api/history (2 series × 1,000 newest points; {pairs} pairs, each query new)", r => Fresh(r), warmUp: WarmUp),
            "p99 < 50 ms");
        // The same ten queries again and again (the Trends page reopened, a published site crawled twice): cached answers.
        table.Add(await meter.Measure("GET /api/history (the same 10 queries again: cached)", r => History(r % 10)), "");
        foreach (var (encoding, top) in new[] { ("gzip", 990), ("br", 980) })
        {
            table.Add(await meter.Measure($"GET /api/history, Accept-Encoding: {encoding} (each query new)", r => Fresh(r, top),
                warmUp: WarmUp, encoding: encoding), "");
            table.Add(await meter.Measure($"GET /api/history, Accept-Encoding: {encoding} (cached)", r => History(r % 10), encoding: encoding), "");
        }
        table.Add(await meter.Measure($"GET /api/history?metric=median_ns&limit=10000 ({Math.Min(totalRuns, 10_000):N0} points)",
            r => History(r, "&metric=median_ns&limit=10000")), "");
        table.Add(await meter.Measure("GET /api/runs?limit=50", _ => "/api/runs?limit=50"), "p99 < 20 ms");
        table.Add(await meter.Measure($"GET /api/runs (all {totalRuns:N0} runs)", _ => "/api/runs", Math.Max(20, meter.Requests / 5)), "");
        table.Add(await meter.Measure("GET /api/regressions", _ => "/api/regressions"), "");
    }
}
