using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AstroBench.ServerBench;

/// <summary>
/// Benchmark-only stand-in for <c>astrobench run</c>, started BY THE SERVER (AstroBench:OrchestratorPath
/// points at a wrapper script that execs this binary with <c>fake-orchestrator "$@"</c>). It receives the
/// server's real argv (<c>run … --log-file logs/&lt;id&gt;.log --exit-record logs/&lt;id&gt;.exit.json</c>),
/// waits for the benchmark's go file (so the WebSocket clients can attach first), then writes
/// ASTROBENCH_BENCH_LINES lines exactly like the orchestrator's LineSink does (log file opened for
/// append, <c>WriteLine</c> + <c>Flush</c> per line, the same line to stdout), then the exit record
/// (temp file + rename, like ExitRecordWriter) and exits 0. The only artificial part is the content
/// and the speed of the lines. Line i reads <c>[BENCH] line=i …</c> so clients can check numbering.
/// </summary>
internal static class FakeOrchestrator
{
    public static int Run(string[] args)
    {
        string? logFile = null, exitRecord = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--log-file")
            {
                logFile = args[i + 1];
            }
            else if (args[i] == "--exit-record")
            {
                exitRecord = args[i + 1];
            }
        }
        if (logFile is null || exitRecord is null)
        {
            Console.Error.WriteLine("fake-orchestrator: --log-file and --exit-record are required");
            return 2;
        }
        var lines = long.Parse(Environment.GetEnvironmentVariable("ASTROBENCH_BENCH_LINES") ?? "1000000", CultureInfo.InvariantCulture);
        var flushEvery = int.Parse(Environment.GetEnvironmentVariable("ASTROBENCH_BENCH_FLUSH_EVERY") ?? "1", CultureInfo.InvariantCulture);
        var go = Environment.GetEnvironmentVariable("ASTROBENCH_BENCH_GO") ?? throw new InvalidOperationException("ASTROBENCH_BENCH_GO not set");
        var times = Environment.GetEnvironmentVariable("ASTROBENCH_BENCH_TIMES") ?? throw new InvalidOperationException("ASTROBENCH_BENCH_TIMES not set");

        var deadline = Stopwatch.StartNew();
        while (!File.Exists(go))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                return 3;
            }
            Thread.Sleep(1);
        }

        // Same as AstroBench.Cli.Output.LineSink: append-mode FileStream + StreamWriter, flushed per line.
        var stream = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var log = new StreamWriter(stream) { NewLine = "\n" };
        var stdout = Console.Out;
        var total = lines.ToString(CultureInfo.InvariantCulture);
        var first = Stopwatch.GetTimestamp();
        for (long i = 0; i < lines; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[BENCH] line={i} of {total} | synthetic orchestrator output, about as long as a real progress line");
            log.WriteLine(line);
            stdout.WriteLine(line);
            if ((i + 1) % flushEvery == 0 || i == lines - 1)
            {
                log.Flush();
                stdout.Flush();
            }
        }
        var last = Stopwatch.GetTimestamp();
        log.Dispose();

        var record = new { status = "completed", exit_code = 0, run_id = (string?)null, run_path = (string?)null, reason = (string?)null,
            pid = Environment.ProcessId, finished_at = DateTimeOffset.UtcNow };
        File.WriteAllText(exitRecord + ".tmp", JsonSerializer.Serialize(record));
        File.Move(exitRecord + ".tmp", exitRecord, overwrite: true);
        File.WriteAllText(times, string.Create(CultureInfo.InvariantCulture, $"{first} {last}"));
        return 0;
    }
}
