using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static AstroBench.ServerBench.Stats;

namespace AstroBench.ServerBench;

/// <summary>
/// Figure 4: start-up time (spawn → first 200 from GET /api/health) with N finished jobs in the
/// store, against the same measurement with an empty store; then GET /api/benchmark/jobs?limit=50.
/// The store's schema is created by the real server (first start on an empty root); the benchmark
/// then inserts the jobs and their history rows into those tables with Microsoft.Data.Sqlite, plus
/// a small log file per job.
/// </summary>
internal static class StartupBench
{
    public static async Task<string> RunAsync(BenchOptions o)
    {
        var root = Path.Combine(o.Work, "f4-lab");
        Directory.CreateDirectory(root);
        var empty = new List<double>();
        for (var i = 0; i < o.Startups; i++)
        {
            await using var s = ServerProcess.Start(o.Astrobench, root, Path.Combine(o.Work, "server-f4.out"));
            empty.Add((await s.WaitHealthyAsync(TimeSpan.FromSeconds(60))).TotalMilliseconds);
        }
        var sw = Stopwatch.StartNew();
        Populate(Path.Combine(root, "astrobench-jobs.db"), Path.Combine(root, "logs"), o.Jobs);
        Console.Error.WriteLine($"[4] inserted {o.Jobs:N0} jobs (+ history, + log files) in {F(sw.Elapsed.TotalSeconds, "0.00")} s; "
            + $"db {F(new FileInfo(Path.Combine(root, "astrobench-jobs.db")).Length / 1048576.0)} MiB");

        var full = new List<double>();
        var cold = new List<double>();
        var warm = new List<double>();
        long total = -1;
        var firstIdOk = false;
        for (var i = 0; i < o.Startups; i++)
        {
            await using var s = ServerProcess.Start(o.Astrobench, root, Path.Combine(o.Work, "server-f4.out"));
            full.Add((await s.WaitHealthyAsync(TimeSpan.FromSeconds(120))).TotalMilliseconds);
            sw.Restart();
            var body = await s.Http.GetStringAsync("/api/benchmark/jobs?limit=50");
            cold.Add(sw.Elapsed.TotalMilliseconds);
            using (var doc = JsonDocument.Parse(body))
            {
                total = doc.RootElement.GetProperty("total").GetInt64();
                firstIdOk = doc.RootElement.GetProperty("jobs").GetArrayLength() == 50
                    && doc.RootElement.GetProperty("jobs")[0].GetProperty("id").GetString() == JobId(o.Jobs - 1);
            }
            if (i == 0)
            {
                for (var k = 0; k < 50; k++)
                {
                    await s.Http.GetStringAsync("/api/benchmark/jobs?limit=50");
                }
                for (var k = 0; k < 500; k++)
                {
                    sw.Restart();
                    await s.Http.GetStringAsync("/api/benchmark/jobs?limit=50");
                    warm.Add(sw.Elapsed.TotalMilliseconds);
                }
                sw.Restart();
                await s.Http.GetStringAsync("/api/benchmark/jobs?limit=50&offset=9950");
                Console.Error.WriteLine($"[4] GET /api/benchmark/jobs?limit=50&offset=9950: {Ms(sw.Elapsed.TotalMilliseconds)}");
                sw.Restart();
                await s.Http.GetStringAsync("/api/health");
                Console.Error.WriteLine($"[4] GET /api/health (COUNT(*) over {o.Jobs:N0} jobs): {Ms(sw.Elapsed.TotalMilliseconds)}; load {Load()}");
            }
        }
        Console.Error.WriteLine($"[4] start-up, empty store: {string.Join(", ", empty.Select(Ms))}; with {o.Jobs:N0} jobs: {string.Join(", ", full.Select(Ms))}");
        Console.Error.WriteLine($"[4] jobs?limit=50 first request after start: {string.Join(", ", cold.Select(Ms))}; warm (500): p50 {Ms(Percentile(warm, 50))}, p99 {Ms(Percentile(warm, 99))}, max {Ms(warm.Max())}; "
            + $"total={total}, newest first={firstIdOk}");
        return $"FIGURE 4 start-up with {total:N0} jobs in the history: {Ms(Percentile(full, 50))} spawn→first 200 from /api/health (median of {o.Startups}; empty store {Ms(Percentile(empty, 50))}); "
            + $"GET /api/benchmark/jobs?limit=50 first {Ms(Percentile(cold, 50))}, warm p50 {Ms(Percentile(warm, 50))} p99 {Ms(Percentile(warm, 99))}";
    }

    internal static string JobId(int i) => (0x5a0000000000L + (i * 7919L)).ToString("x12", CultureInfo.InvariantCulture);

    private static string T(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Populate(string db, string logs, int jobs)
    {
        Directory.CreateDirectory(logs);
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        c.Open();
        using var tx = c.BeginTransaction();
        using var job = c.CreateCommand();
        job.Transaction = tx;
        job.CommandText = """
            INSERT INTO jobs(id, status, config, notes, created_at, started_at, finished_at, run_id, progress, exit_code, reason, pid, pgid, proc_start_ticks, log_lines, legacy_id)
            VALUES($id, $status, $config, $notes, $created, $started, $finished, $run, $progress, $exit, $reason, $pid, $pid, $ticks, $lines, NULL)
            """;
        string[] jp = ["$id", "$status", "$config", "$notes", "$created", "$started", "$finished", "$run", "$progress", "$exit", "$reason", "$pid", "$ticks", "$lines"];
        foreach (var p in jp)
        {
            job.Parameters.Add(new SqliteParameter(p, null));
        }
        using var hist = c.CreateCommand();
        hist.Transaction = tx;
        hist.CommandText = "INSERT INTO job_history(job_id, from_status, to_status, at, reason) VALUES($id, $from, $to, $at, $reason)";
        foreach (var p in new[] { "$id", "$from", "$to", "$at", "$reason" })
        {
            hist.Parameters.Add(new SqliteParameter(p, null));
        }
        var experiments = new[] { "gmst_era", "kepler_solver", "solar_position", "lunar_position", "equ_ecl" };
        var baseTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < jobs; i++)
        {
            var id = JobId(i);
            var created = baseTime.AddMinutes(i * 17);
            var started = created.AddMilliseconds(120);
            var finished = started.AddSeconds(30 + (i % 90));
            var kind = i % 10; // 0 failed, 1 cancelled, else completed
            var status = kind == 0 ? "failed" : kind == 1 ? "cancelled" : "completed";
            var exp = experiments[i % experiments.Length];
            object V(object? v) => v ?? DBNull.Value;
            job.Parameters["$id"].Value = id;
            job.Parameters["$status"].Value = status;
            job.Parameters["$config"].Value = $$"""{"experiments":["{{exp}}"],"libraries":["erfa","libnova"],"n":1000,"seed":42,"perf_rounds":5,"no_perf":false,"ci_mode":false}""";
            job.Parameters["$notes"].Value = i % 3 == 0 ? "nightly" : DBNull.Value;
            job.Parameters["$created"].Value = T(created);
            job.Parameters["$started"].Value = T(started);
            job.Parameters["$finished"].Value = T(finished);
            job.Parameters["$run"].Value = V(status == "completed" ? created.AddSeconds(1).ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture) : null);
            job.Parameters["$progress"].Value = status == "completed"
                ? $$"""{"experiments_done":1,"experiments_total":1,"current_experiment":"{{exp}}","current_step":"write","percent":100}"""
                : $$"""{"experiments_done":0,"experiments_total":1,"current_experiment":"{{exp}}","current_step":"perf","percent":60}""";
            job.Parameters["$exit"].Value = status == "completed" ? 0 : status == "failed" ? 2 : 143;
            job.Parameters["$reason"].Value = V(status == "failed" ? "exit code 2: unknown library 'foo'" : status == "cancelled" ? "cancelled by user" : null);
            job.Parameters["$pid"].Value = 100_000 + i;
            job.Parameters["$ticks"].Value = 1_000_000L + i;
            job.Parameters["$lines"].Value = 12;
            job.ExecuteNonQuery();

            var steps = new List<(string? From, string To, DateTime At, string? Reason)>
            {
                (null, "queued", created, null), ("queued", "starting", created.AddMilliseconds(5), null), ("starting", "running", started, null),
            };
            if (status == "cancelled")
            {
                steps.Add(("running", "cancelling", finished.AddSeconds(-2), "cancelled by user"));
                steps.Add(("cancelling", "cancelled", finished, "cancelled by user"));
            }
            else
            {
                steps.Add(("running", status, finished, status == "failed" ? "exit code 2: unknown library 'foo'" : null));
            }
            foreach (var (from, to, at, reason) in steps)
            {
                hist.Parameters["$id"].Value = id;
                hist.Parameters["$from"].Value = V(from);
                hist.Parameters["$to"].Value = to;
                hist.Parameters["$at"].Value = T(at);
                hist.Parameters["$reason"].Value = V(reason);
                hist.ExecuteNonQuery();
            }
            File.WriteAllText(Path.Combine(logs, id + ".log"), string.Concat(Enumerable.Range(0, 12).Select(k =>
                $"[PROGRESS] experiment={exp} step=accuracy current={k + 1} total=12 | line {k}\n")));
        }
        tx.Commit();
    }
}
