using System.Diagnostics;
using System.Globalization;
using AstroBench.Core.History;
using AstroBench.HistoryBench;
using AstroBench.ServerBench;
using AstroBench.Tests.Shared;

// History benchmark (issue 11, "Show in the closing note"). Not a test: it prints figures.
// Usage: AstroBench.HistoryBench [--runs 10000] [--experiments 33] [--libraries 7] [--requests 300] [--scans 5]
//        [--publish-runs 100] [--astrobench PATH] [--work DIR] [--keep] [--reuse] [--no-reindex] [--publish-only]
// 1. writes --runs realistic run folders (RunFolderGenerator; --reuse keeps those of a kept --work DIR), 2. times
// `astrobench runs reindex` over them (--no-reindex: keeps the index of a kept --work DIR instead, when there is one),
// 3. times the regression scan of newly published runs, 4. measures the endpoints on the real `astrobench serve` over
// that lab, 5. times `astrobench publish` of the newest --publish-runs runs. --publish-only: steps 1 and 5 only (e.g.
// `--runs 200 --publish-runs 100 --publish-only`: the publish figure in a minute or two, without the 10,000-run lab).
string? V(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int I(string name, int d) => V(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : d;
var runs = I("--runs", 10_000);
var experiments = I("--experiments", 33);
var libraries = I("--libraries", 7);
var requests = I("--requests", 300);
var scanCount = I("--scans", 5);
var publishRuns = I("--publish-runs", 100);
var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var astrobench = Path.GetFullPath(V("--astrobench") ?? Path.Combine(repo, "src/AstroBench.Cli/bin/Release/net10.0/astrobench"));
var work = Path.GetFullPath(V("--work") ?? Path.Combine(Path.GetTempPath(), "astrobench-historybench-" + Environment.ProcessId));
var reuse = args.Contains("--reuse");
var publishOnly = args.Contains("--publish-only");
if (publishOnly)
{
    scanCount = 0; // no run is added after the lab is written: the newest runs are the last --runs ones
}
var root = Path.Combine(work, "lab");
var results = Path.Combine(root, "results");
var indexFile = Path.Combine(results, ResultsIndex.FileName);
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
    else
    {
        table.Note($"reused the {existing:N0} run folders of {results}");
    }
    // The runs a previous invocation published in step 3 are dropped, so they are new again.
    for (var k = 0; k < scanCount; k++)
    {
        var folder = Path.Combine(results, RunFolderGenerator.Id(runs + k));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    if (!publishOnly)
    {
        // 2. `astrobench runs reindex` over them: wall time and the child's CPU time (or the kept index, synced).
        var reindex = !args.Contains("--no-reindex") || !File.Exists(indexFile);
        if (reindex)
        {
            File.Delete(indexFile);
            var (wall, cpu, output) = ChildProcess.Timed(astrobench, "runs", "reindex", "--results-dir", results);
            table.Add($"astrobench runs reindex ({runs:N0} runs)", $"{Stats.F(wall, "0.0")} s", $"CPU {Stats.F(cpu, "0.0")} s", "", "minutes");
            Console.Error.WriteLine(output);
        }
        else
        {
            table.Note("reindex not measured (--no-reindex): the kept index is used");
        }
        table.Note($"index file {new FileInfo(indexFile).Length / 1048576.0:N0} MiB");

        // 3. The regression scan: the backfill of a fresh index once, then newly published runs one by one.
        var index = new ResultsIndex(results);
        var scanner = new RegressionScanner(index);
        index.Sync();
        var (backfillWall, backfillCpu) = Meter.Time(() => scanner.ScanPending());
        if (reindex)
        {
            table.Add($"backfill scan of a fresh index (every series once)", $"{Stats.F(backfillWall, "0.00")} s", $"CPU {Stats.F(backfillCpu, "0.00")} s", "", "");
        }
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
            await ServerFigures.MeasureAsync(meter, table, experiments, libraries, runs + scanCount);
        }
    }

    // 5. `astrobench publish` of the newest runs (a static site; needs web/dist-static, built by scripts/setup.sh).
    if (publishRuns > 0)
    {
        var site = Path.Combine(work, "site");
        var ids = string.Join(",", Enumerable.Range(runs + scanCount - publishRuns, publishRuns).Select(RunFolderGenerator.Id));
        var (wall, cpu, output) = ChildProcess.Timed(astrobench, "publish", "--out", site, "--runs", ids, "--results-dir", results);
        Console.Error.WriteLine(output);
        table.Add($"astrobench publish ({publishRuns} newest runs)", $"{Stats.F(wall, "0.0")} s", $"CPU {Stats.F(cpu, "0.0")} s", "", "");
        Directory.Delete(site, recursive: true);
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
