"""The queue benchmark behind scripts/bench-queue.sh (standard library only; figures depend on the machine)."""
import argparse, json, os, shutil, socket, sqlite3, statistics, subprocess, tempfile, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

JOB = {"experiments": ["gmst_era"], "libraries": ["libnova"], "n": 1, "no_perf": True}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.read()


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def ms(values):
    return f"p50 {pct(values, 50):.1f} ms, p99 {pct(values, 99):.1f} ms, max {max(values):.1f} ms (n = {len(values)})"


def cpu_seconds(pid):
    """utime + stime of a process (/proc/<pid>/stat fields 14, 15): what the server itself spent, whatever the load."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def enqueue_many(base, count, clients):
    def one(i):
        status, _ = call(base, "POST", "/api/benchmark/jobs", {**JOB, "priority": i % 3})
        assert status == 201, status
    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(count)))
    return count / (time.perf_counter() - t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--queued", type=int, default=1000)
    ap.add_argument("--dispatches", type=int, default=100)
    ap.add_argument("--gets", type=int, default=300)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    lab = tempfile.mkdtemp(prefix="astrobench-queuebench-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "AstroBench__MaxParallelAccuracyJobs": "1", "Logging__LogLevel__Default": "Warning"}
    server = subprocess.Popen([a.cli, "serve", "--root", lab, "--port", str(port), "--web-dir", lab], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                call(base, "GET", "/api/health")
                break
            except OSError:
                time.sleep(0.1)
        call(base, "POST", "/api/admin/drain")
        one = enqueue_many(base, a.queued // 2, 1)
        eight = enqueue_many(base, a.queued - a.queued // 2, 8)
        print(f"1. enqueue throughput: {one:.0f} jobs/s (1 client), {eight:.0f} jobs/s (8 clients)")
        times = []
        cpu0 = cpu_seconds(server.pid)
        for i in range(a.gets):
            t = time.perf_counter()
            status, body = call(base, "GET", "/api/benchmark/queue")
            times.append((time.perf_counter() - t) * 1000)
        cpu_ms = (cpu_seconds(server.pid) - cpu0) * 1000 / a.gets
        assert status == 200 and len(json.loads(body)) == a.queued
        print(f"2. GET /api/benchmark/queue with {a.queued} queued ({len(body) // 1024} KiB): {ms(times[5:])} (cold first {times[0]:.1f} ms); "
              f"server CPU {cpu_ms:.1f} ms per request")
        # Keep >= --queued jobs waiting while --dispatches of them run: top up, then undrain.
        enqueue_many(base, a.dispatches + 1, 4)
        call(base, "POST", "/api/admin/undrain")
        db = os.path.join(lab, "astrobench-jobs.db")
        while True:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                done = c.execute("SELECT COUNT(*) FROM jobs WHERE status IN ('completed','failed','cancelled')").fetchone()[0]
            if done >= a.dispatches + 1:
                break
            time.sleep(0.5)
        call(base, "POST", "/api/admin/drain")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            rows = c.execute("""SELECT j.id, j.status, j.started_at, j.finished_at,
                                  (SELECT at FROM job_history h WHERE h.job_id = j.id AND h.to_status = 'starting')
                                FROM jobs j WHERE j.started_at IS NOT NULL ORDER BY j.started_at""").fetchall()
        failed = [r for r in rows if r[1] == "failed"]
        claim, spawn = [], []
        for prev, nxt in zip(rows, rows[1:]):
            if prev[3] is None or nxt[4] is None:
                continue
            claim.append((ts(nxt[4]) - ts(prev[3])) * 1000)
            spawn.append((ts(nxt[2]) - ts(prev[3])) * 1000)
        print(f"3. dispatch latency with >= {a.queued} queued, job ends -> next claimed (starting): {ms(claim)}")
        print(f"   job ends -> next process up (started_at): {ms(spawn)}; failed jobs: {len(failed)}")
    finally:
        server.terminate()
        server.wait(30)
        if not a.keep:
            shutil.rmtree(lab, ignore_errors=True)
        else:
            print(f"lab root kept: {lab}")


if __name__ == "__main__":
    main()
