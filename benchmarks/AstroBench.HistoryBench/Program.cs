using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.History;
using AstroBench.HistoryBench;
using AstroBench.ServerBench;
using AstroBench.Tests.Shared;

// History benchmark (issue 11, "Show in the closing note"). Not a test: it prints figures.
// Usage: AstroBench.HistoryBench [--runs 10000] [--experiments 33] [--libraries 7] [--requests 300] [--scans 5]
//        [--astrobench PATH] [--work DIR] [--keep] [--reuse]
// 1. writes --runs realistic run folders (RunFolderGenerator), 2. times `astrobench runs reindex` over them, 3. times the
// regression scan of newly published runs, 4. measures the endpoints on the real `astrobench serve` over that lab.
string? V(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int I(string name, int d) => V(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : d;
var runs = I("--runs", 10_000);
var experiments = I("--experiments", 33);
var libraries = I("--libraries", 7);
var requests = I("--requests", 300);
var scanCount = I("--scans", 5);
var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var astrobench = Path.GetFullPath(V("--astrobench") ?? Path.Combine(repo, "src/AstroBench.Cli/bin/Release/net10.0/astrobench"));
var work = Path.GetFullPath(V("--work") ?? Path.Combine(Path.GetTempPath(), "astrobench-historybench-" + Environment.ProcessId));
var reuse = args.Contains("--reuse");
var root = Path.Combine(work, "lab");
var results = Path.Combine(root, "results");
var testbed = SyntheticRuns.Bench;
var table = new FigureTable();
Console.Error.WriteLine($"work {work}; load average {Stats.Load()}; {Environment.ProcessorCount} cores");
try
{
    // 1. Run folders of realistic size, written directly (a run's 33 × 7 result files, manifest and reports).
    var clock = Stopwatch.StartNew();
    var existing = Directory.Exists(results) ? Directory.EnumerateDirectories(results).Count() : 0;
    if (!reuse || existing < runs)
    {
        Directory.CreateDirectory(results);
        var bytes = RunFolderGenerator.WriteAll(results, reuse ? existing : 0, runs, experiments, libraries, testbed);
        table.Note($"wrote {runs:N0} run folders × {experiments * libraries} result files ({bytes / 1048576.0:N0} MiB) in {clock.Elapsed.TotalSeconds:0} s");
    }
    File.Delete(Path.Combine(results, ResultsIndex.FileName));

    // 2. `astrobench runs reindex` over them: wall time and the child's CPU time.
    var (wall, cpu, output) = ChildProcess.Timed(astrobench, "runs", "reindex", "--results-dir", results);
    table.Add($"astrobench runs reindex ({runs:N0} runs)", $"{Stats.F(wall, "0.0")} s", $"CPU {Stats.F(cpu, "0.0")} s", "", "minutes");
    Console.Error.WriteLine(output);
    table.Note($"index file {new FileInfo(Path.Combine(results, ResultsIndex.FileName)).Length / 1048576.0:N0} MiB");

    // 3. The regression scan: the backfill of a fresh index once, then newly published runs one by one.
    var index = new ResultsIndex(results);
    var scanner = new RegressionScanner(index);
    var (backfillWall, backfillCpu) = Meter.Time(() => scanner.ScanPending());
    table.Add($"backfill scan of a fresh index (every series once)", $"{Stats.F(backfillWall, "0.00")} s", $"CPU {Stats.F(backfillCpu, "0.00")} s", "", "");
    var scans = new List<(double Wall, double Cpu)>();
    var indexing = new List<double>();
    for (var k = 0; k < scanCount; k++)
    {
        var folder = Path.Combine(results, RunFolderGenerator.Id(runs + k));
        RunFolderGenerator.Write(results, runs + k, experiments, libraries, testbed);
        indexing.Add(Meter.Time(() => index.IndexRun(folder)).Wall);
        scans.Add(Meter.Time(() => scanner.ScanPending()));
    }
    table.Add($"index one published run ({experiments * libraries} results)", Stats.Ms(Stats.Percentile(indexing, 50) * 1000), Stats.Ms(indexing.Max() * 1000), "", "");
    table.Add($"regression scan of a new run ({experiments * libraries * 2} series)", $"{Stats.F(Stats.Percentile([.. scans.Select(s => s.Wall)], 50), "0.000")} s",
        $"max {Stats.F(scans.Max(s => s.Wall), "0.000")} s", $"CPU {Stats.F(Stats.Percentile([.. scans.Select(s => s.Cpu)], 50) * 1000, "0")} ms", "< 1 s");
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    // 4. The real server over that lab.
    var log = Path.Combine(work, "server.log");
    await using (var server = ServerProcess.Start(astrobench, root, log))
    {
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(10));
        var meter = new Meter(server, requests);
        await meter.WaitIdleAsync();
        string History(int r, string extra = "") =>
            $"/api/history?experiment={RunFolderGenerator.Experiment(r % experiments)}&library={RunFolderGenerator.Library(r % libraries)}{extra}";
        table.Add(await meter.Measure("GET /api/history (2 series × 1,000 newest points)", r => History(r)), "p99 < 50 ms");
        table.Add(await meter.Measure($"GET /api/history?metric=median_ns&limit=10000 ({Math.Min(runs, 10_000):N0} points)",
            r => History(r, "&metric=median_ns&limit=10000")), "");
        table.Add(await meter.Measure("GET /api/runs?limit=50", _ => "/api/runs?limit=50"), "p99 < 20 ms");
        table.Add(await meter.Measure($"GET /api/runs (all {runs + scanCount:N0} runs)", _ => "/api/runs", Math.Max(20, requests / 5)), "");
        table.Add(await meter.Measure("GET /api/regressions", _ => "/api/regressions"), "");
    }
}
finally
{
    Console.WriteLine($"history benchmark: {runs:N0} runs × {experiments} experiments × {libraries} libraries; load average {Stats.Load()}");
    table.Print(Console.Out);
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
