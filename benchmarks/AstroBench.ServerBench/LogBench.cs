using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using static AstroBench.ServerBench.Stats;

namespace AstroBench.ServerBench;

/// <summary>
/// Figure 1: lines/s from the orchestrator's log file to N WebSocket clients (none lost).
/// Figure 3: server RSS with the resulting 1,000,000-line finished job (fresh server process).
/// </summary>
internal static class LogBench
{
    public static async Task<(string Figure1, string? Figure3)> RunAsync(BenchOptions o, bool figure3)
    {
        var root = Path.Combine(o.Work, "f1-lab");
        Directory.CreateDirectory(Path.Combine(root, "results"));
        var wrapper = Path.Combine(o.Work, "fake-orchestrator.sh");
        var self = Environment.ProcessPath!;
        var selfCmd = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? $"\"{self}\" \"{typeof(LogBench).Assembly.Location}\""
            : $"\"{self}\"";
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec {selfCmd} fake-orchestrator \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var go = Path.Combine(o.Work, "go");
        var times = Path.Combine(o.Work, "writer-times");
        var env = new Dictionary<string, string>
        {
            ["AstroBench__OrchestratorPath"] = wrapper,
            ["ASTROBENCH_BENCH_LINES"] = o.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASTROBENCH_BENCH_FLUSH_EVERY"] = o.FlushEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASTROBENCH_BENCH_GO"] = go,
            ["ASTROBENCH_BENCH_TIMES"] = times,
        };
        string jobId;
        string figure1;
        await using (var server = ServerProcess.Start(o.Astrobench, root, Path.Combine(o.Work, "server-f1.out"), env))
        {
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var start = await server.Http.PostAsJsonAsync("/api/benchmark/start",
                new { experiments = new[] { "gmst_era" }, n = 10, no_perf = true, notes = "server benchmark: fake orchestrator" });
            start.EnsureSuccessStatusCode();
            jobId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await WaitStatusAsync(server, jobId, "running", TimeSpan.FromSeconds(60));
            Console.Error.WriteLine($"[1] job {jobId} running (fake orchestrator waiting for go); attaching {o.Clients} clients");

            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            var clients = Enumerable.Range(0, o.Clients)
                .Select(_ => new LogClient(new Uri(server.WebSocketBase, $"/api/benchmark/ws/{jobId}?from=0" + (o.Batch ? "&batch=true" : "")), 0, o.Lines)).ToList();
            var tasks = clients.Select(c => Task.Run(() => c.RunAsync(cts.Token))).ToList();
            await Task.WhenAll(clients.Select(c => c.Connected)).WaitAsync(TimeSpan.FromSeconds(30));

            long peakRss = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakRss = Math.Max(peakRss, server.Memory().RssKb);
                    try
                    {
                        await Task.Delay(100, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });
            var loadBefore = Load();
            var serverCpu0 = server.CpuSeconds();
            var serverSys0 = server.Cpu().System;
            var sys0 = server.Syscalls();
            var benchCpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            await File.WriteAllTextAsync(go, "go");
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(tasks);
            wall.Stop();
            var serverCpu = server.CpuSeconds() - serverCpu0;
            var sys1 = server.Syscalls();
            var serverSys = server.Cpu().System - serverSys0;
            var benchCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - benchCpu0;
            await sampling.CancelAsync();
            await sampler;
            var (_, hwm) = server.Memory();

            var parts = (await File.ReadAllTextAsync(times)).Split(' ');
            long firstWrite = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            long lastWrite = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            double S(long from, long to) => (to - from) / (double)Stopwatch.Frequency;
            var writerSeconds = S(firstWrite, lastWrite);
            var lastClient = clients.Max(c => c.LastLineTicks);
            var firstClientDone = clients.Min(c => c.LastLineTicks);
            var endToEnd = S(firstWrite, lastClient);
            var rate = o.Lines / endToEnd;
            var lost = clients.Sum(c => c.Missing);
            var dups = clients.Sum(c => c.Duplicates);
            var disorder = clients.Sum(c => c.OutOfOrder);
            var bad = clients.Sum(c => c.BadText + c.OutOfRange);
            var done = clients.Count(c => c.DoneStatus == "completed");
            var job = await server.Http.GetFromJsonAsync<JsonElement>($"/api/benchmark/jobs/{jobId}");
            Console.Error.WriteLine($"[1] load average at go: {loadBefore}; now {Load()}");
            Console.Error.WriteLine($"[1] writer: {o.Lines:N0} lines (flush every {o.FlushEvery}) in {F(writerSeconds, "0.000")} s = {F(o.Lines / writerSeconds, "N0")} lines/s written");
            Console.Error.WriteLine($"[1] first write → last line at the first client to finish: {F(S(firstWrite, firstClientDone), "0.000")} s; at the last (10th) client: {F(endToEnd, "0.000")} s");
            foreach (var (c, i) in clients.Select((c, i) => (c, i)))
            {
                Console.Error.WriteLine($"[1]   client {i}: received {c.Received:N0}, distinct {c.Distinct:N0}, missing {c.Missing}, dup {c.Duplicates}, out-of-order {c.OutOfOrder}, "
                    + $"bad text {c.BadText}, first line after {F(S(firstWrite, c.FirstLineTicks) * 1000, "0.0")} ms, last line after {F(S(firstWrite, c.LastLineTicks), "0.000")} s, done={c.DoneStatus} after {F(S(firstWrite, c.DoneTicks), "0.000")} s");
            }
            Console.Error.WriteLine($"[1] CPU from go to the last done: server {F(serverCpu, "0.0")} s ({F(serverCpu / wall.Elapsed.TotalSeconds * 100, "0")} % of one core), "
                + $"benchmark clients {F(benchCpu, "0.0")} s ({F(benchCpu / wall.Elapsed.TotalSeconds * 100, "0")} %); server CPU per delivered message {F(serverCpu * 1e6 / (o.Lines * o.Clients), "0.0")} µs, of which kernel {F(serverSys * 1e6 / (o.Lines * o.Clients), "0.0")} µs");
            var messages = (double)o.Lines * o.Clients;
            Console.Error.WriteLine($"[1] server syscalls from go to the last done: {sys1.Reads - sys0.Reads:N0} reads, {sys1.Writes - sys0.Writes:N0} writes/sends "
                + $"= {F((sys1.Writes - sys0.Writes) / messages, "0.00")} write syscalls per delivered log message");
            Console.Error.WriteLine($"[1] job after: status {job.GetProperty("status")}, log_lines {job.GetProperty("log_lines")}; "
                + $"server RSS peak (100 ms samples) {Mb(peakRss)}, VmHWM {Mb(hwm)}; bench wall from go {F(wall.Elapsed.TotalSeconds, "0.000")} s");
            var ok = lost == 0 && dups == 0 && disorder == 0 && bad == 0 && done == clients.Count;
            figure1 = $"FIGURE 1 log→WebSocket: {F(rate, "N0")} lines/s to each of {o.Clients} clients ({o.Lines:N0} lines, first write → last line at the {o.Clients}th client {F(endToEnd, "0.00")} s; "
                + $"writer alone {F(o.Lines / writerSeconds, "N0")} lines/s); lost {lost}, duplicated {dups}, out of order {disorder}, done {done}/{clients.Count} → {(ok ? "complete" : "INCOMPLETE")}; "
                + $"target ≥ 100,000 lines/s {(rate >= 100_000 && ok ? "MET" : "MISSED")}";
        }
        if (!figure3)
        {
            return (figure1, null);
        }
        return (figure1, await Figure3Async(o, root, jobId));
    }

    private static async Task<string> Figure3Async(BenchOptions o, string root, string jobId)
    {
        var logPath = Path.Combine(root, "logs", jobId + ".log");
        var logBytes = new FileInfo(logPath).Length;
        await using var server = ServerProcess.Start(o.Astrobench, root, Path.Combine(o.Work, "server-f3.out"));
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        var before = server.Memory();

        var sw = Stopwatch.StartNew();
        var tail = await server.Http.GetFromJsonAsync<JsonElement>($"/api/benchmark/jobs/{jobId}/logs?tail=100");
        var tailMs = sw.Elapsed.TotalMilliseconds;
        var tailLines = tail.GetProperty("lines").GetArrayLength();
        var total = tail.GetProperty("total").GetInt64();
        var from = tail.GetProperty("from").GetInt64();
        var tailOk = tailLines == 100 && total == o.Lines && from == o.Lines - 100
            && tail.GetProperty("lines")[99].GetString()!.Contains($"line={o.Lines - 1} ", StringComparison.Ordinal);
        var afterTail = server.Memory();
        sw.Restart();
        await server.Http.GetFromJsonAsync<JsonElement>($"/api/benchmark/jobs/{jobId}/logs?tail=100");
        var tail2Ms = sw.Elapsed.TotalMilliseconds;

        var replayFrom = o.Lines - 100;
        var client = new LogClient(new Uri(server.WebSocketBase, $"/api/benchmark/ws/{jobId}?from={replayFrom}"), replayFrom, o.Lines);
        sw.Restart();
        await client.RunAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var wsMs = sw.Elapsed.TotalMilliseconds;
        var wsOk = client.Received == 100 && client.MissingFrom(replayFrom) == 0 && client.Duplicates == 0 && client.OutOfOrder == 0 && client.DoneStatus == "completed";
        var after = server.Memory();

        // a cold tail on a finished feed that is not cached: request an old window (from=0) too
        sw.Restart();
        var head = await server.Http.GetFromJsonAsync<JsonElement>($"/api/benchmark/jobs/{jobId}/logs?from=500000&limit=1000");
        var headMs = sw.Elapsed.TotalMilliseconds;
        var afterHead = server.Memory();

        Console.Error.WriteLine($"[3] job {jobId}: log {o.Lines:N0} lines, {F(logBytes / 1048576.0)} MiB on disk; fresh server pid {server.Pid}");
        Console.Error.WriteLine($"[3] RSS/HWM idle after start: {Mb(before.RssKb)} / {Mb(before.HwmKb)}");
        Console.Error.WriteLine($"[3] GET logs?tail=100 first {Ms(tailMs)} (ok={tailOk}), again {Ms(tail2Ms)}; RSS/HWM after: {Mb(afterTail.RssKb)} / {Mb(afterTail.HwmKb)}");
        Console.Error.WriteLine($"[3] WS from={replayFrom}: {client.Received} lines + done={client.DoneStatus} in {Ms(wsMs)} (ok={wsOk}); RSS/HWM after: {Mb(after.RssKb)} / {Mb(after.HwmKb)}");
        Console.Error.WriteLine($"[3] GET logs?from=500000&limit=1000: {Ms(headMs)} ({head.GetProperty("lines").GetArrayLength()} lines); RSS/HWM after: {Mb(afterHead.RssKb)} / {Mb(afterHead.HwmKb)}");
        return $"FIGURE 3 memory with a {o.Lines:N0}-line job log ({F(logBytes / 1048576.0)} MiB): server RSS {Mb(before.RssKb)} before → {Mb(after.RssKb)} after tail=100 ({Ms(tailMs)}) "
            + $"and WS replay from {replayFrom:N0} ({Ms(wsMs)}); peak VmHWM {Mb(after.HwmKb)}; {(tailOk && wsOk ? "responses correct" : "RESPONSES WRONG")}";
    }

    internal static async Task WaitStatusAsync(ServerProcess server, string id, string status, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            var job = await server.Http.GetFromJsonAsync<JsonElement>($"/api/benchmark/jobs/{id}");
            var s = job.GetProperty("status").GetString();
            if (s == status)
            {
                return;
            }
            if (s is "completed" or "failed" or "cancelled")
            {
                throw new InvalidOperationException($"job {id} ended {s} ({job.GetProperty("reason")}) while waiting for {status}");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"job {id} not {status} after {timeout}");
    }
}
