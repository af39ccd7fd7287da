using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.History;
using AstroBench.Core.Inputs;
using AstroBench.HistoryBench;
using AstroBench.ServerBench;
using AstroBench.Tests.Shared;

// History benchmark (issue 11, "Show in the closing note"). Not a test: it prints figures.
// Usage: AstroBench.HistoryBench [--runs 10000] [--experiments 33] [--libraries 7] [--folders 200] [--requests 300]
//        [--astrobench PATH] [--work DIR] [--keep]
string? V(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int I(string name, int d) => V(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : d;
var runs = I("--runs", 10_000);
var experiments = I("--experiments", 33);
var libraries = I("--libraries", 7);
var folders = I("--folders", 200);
var requests = I("--requests", 300);
var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var astrobench = Path.GetFullPath(V("--astrobench") ?? Path.Combine(repo, "src/AstroBench.Cli/bin/Release/net10.0/astrobench"));
var work = Path.GetFullPath(V("--work") ?? Path.Combine(Path.GetTempPath(), "astrobench-historybench-" + Environment.ProcessId));
var root = Path.Combine(work, "lab");
var results = Path.Combine(root, "results");
Directory.CreateDirectory(results);
Console.Error.WriteLine($"work {work}; load average {Stats.Load()}; {Environment.ProcessorCount} cores");
try
{
    // 1. 10,000 runs of 33 × 7 results as index rows (folders hold a manifest only).
    var testbed = SyntheticRuns.Bench;
    var random = new SeededRandom(11);
    var clock = Stopwatch.StartNew();
    var index = new ResultsIndex(results);
    for (var start = 0; start < runs; start += 50)
    {
        var batch = Enumerable.Range(start, Math.Min(50, runs - start)).Select(i => SyntheticIndex.Run(i, experiments, libraries, testbed, random)).ToList();
        foreach (var run in batch)
        {
            Directory.CreateDirectory(Path.Combine(results, run.Summary.Id));
            File.WriteAllText(Path.Combine(results, run.Summary.Id, "manifest.json"), "{}");
        }
        index.Add(batch, scanned: true);
    }
    Console.WriteLine(Stats.Ms(clock.Elapsed.TotalMilliseconds) + $" to write index rows of {runs:N0} runs × {experiments * libraries} results ({new FileInfo(index.FilePath).Length / 1048576.0:0} MiB)");

    // 2. Regression scan of a newly published run (every one of its series, window 100).
    var scanner = new RegressionScanner(index);
    var scans = new List<double>();
    for (var k = 0; k < 5; k++)
    {
        var run = SyntheticIndex.Run(runs + k, experiments, libraries, testbed, random);
        Directory.CreateDirectory(Path.Combine(results, run.Summary.Id));
        index.Add([run], scanned: false);
        clock.Restart();
        scanner.ScanPending();
        scans.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"regression scan of a newly published run ({experiments * libraries * 2} series): median {Stats.Ms(Stats.Percentile(scans, 50))}, max {Stats.Ms(scans.Max())} (5 runs; target < 1 s)");

    // 3. The real server over that lab.
    var log = Path.Combine(work, "server.log");
    await using (var server = ServerProcess.Start(astrobench, root, log))
    {
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(5));
        async Task<double> Get(string url)
        {
            var sw = Stopwatch.StartNew();
            using var response = await server.Http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            return sw.Elapsed.TotalMilliseconds;
        }
        async Task Measure(string what, Func<int, string> url, string target)
        {
            var cold = await Get(url(0));
            var times = new List<double>();
            for (var r = 0; r < requests; r++)
            {
                times.Add(await Get(url(r)));
            }
            Console.WriteLine($"GET {what}: p50 {Stats.Ms(Stats.Percentile(times, 50))}, p99 {Stats.Ms(Stats.Percentile(times, 99))} ({requests} requests; first {Stats.Ms(cold)}){target}");
        }
        string History(int r, string extra = "") => $"/api/history?experiment={SyntheticIndex.Experiment(r % experiments)}&library={SyntheticIndex.Library(r % libraries)}{extra}";
        await Measure("/api/history (2 series × 1,000 newest points)", r => History(r), "; target p99 < 50 ms");
        await Measure("/api/history?metric=median_ns&limit=10000 (1 series × all points)", r => History(r, "&metric=median_ns&limit=10000"), "");
        await Measure("/api/runs?limit=50", _ => "/api/runs?limit=50", "; target p99 < 20 ms");
        await Measure($"/api/runs (all {runs:N0} runs)", _ => "/api/runs", "");
    }

    // 4. Reindex from real folders (33 × 7 result files each), as `astrobench runs reindex` does it.
    var folderResults = Path.Combine(work, "folders", "results");
    Directory.CreateDirectory(folderResults);
    for (var i = 0; i < folders; i++)
    {
        SyntheticRuns.Write(folderResults, SyntheticRuns.Id(i), [.. Enumerable.Range(0, experiments).SelectMany(e => Enumerable.Range(0, libraries)
            .Select(l => new SyntheticResult(SyntheticIndex.Experiment(e), SyntheticIndex.Library(l)) { MedianNs = 20 + l, SamplesNs = [20 + l, 21 + l, 19 + l, 20 + l, 20 + l] }))], testbed);
    }
    clock.Restart();
    var psi = new ProcessStartInfo(astrobench) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { "runs", "reindex", "--results-dir", folderResults })
    {
        psi.ArgumentList.Add(a);
    }
    using (var p = Process.Start(psi)!)
    {
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"astrobench runs reindex of {folders} folders × {experiments * libraries} result files: {Stats.F(seconds, "0.00")} s " +
            $"({Stats.Ms(seconds * 1000 / folders)} per run → {Stats.F(seconds / folders * 10_000, "0")} s for 10,000 runs); {output}");
    }
}
finally
{
    Console.Error.WriteLine($"load average at the end {Stats.Load()}");
    if (!args.Contains("--keep"))
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
return 0;
