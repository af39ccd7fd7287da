#!/usr/bin/env python3
"""Benchmark of the Slurm executor (not a test; docs/slurm.md) against the real `astrobench serve --executor slurm`
on a temp lab root and the one-node cluster of scripts/slurm-up.sh:
  1. submit -> running: POST /api/benchmark/start until the job reads `running` (Slurm started it), p50/p99 over --jobs
  2. cancel -> ended: POST .../cancel on a job held mid-run (gate fixture) until it reads `cancelled` (Slurm confirmed
     the end; grace --grace s, the fixture honours SIGTERM), p50/p99 over --jobs
Requests go to 127.0.0.1 only; every loop is bounded."""
import argparse, json, os, socket, subprocess, sys, tempfile, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")

def wait(cond, what, bound=120.0):
    end = time.monotonic() + bound
    while time.monotonic() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.005)
    sys.exit(f"bench-slurm: not within {bound} s: {what}")

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

def status(base, job):
    return call(base, "GET", f"/api/benchmark/jobs/{job}")["status"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--jobs", type=int, default=20)
    ap.add_argument("--grace", type=float, default=2)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    root = tempfile.mkdtemp(prefix="astrobench-bench-slurm-")
    gates = os.path.join(root, "gates")
    os.makedirs(gates)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Settings `serve` has no option for go through the environment (AstroBench__Key).
    env = dict(os.environ, ASTROBENCH_GATE_DIR=gates, Logging__LogLevel__Default="Warning",
               AstroBench__AdapterDirs__0=os.path.join(a.repo, "adapters"),
               AstroBench__AdapterDirs__1=os.path.join(a.repo, "tests", "fixtures", "adapters"),
               AstroBench__Slurm__PollMs="50", AstroBench__CancelGraceSeconds=str(a.grace))
    server = subprocess.Popen([a.cli, "serve", "--executor", "slurm", "--root", root, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        def healthy():
            if server.poll() is not None:
                sys.exit("bench-slurm: the server exited: " + server.stderr.read().decode(errors="replace")[-2000:])
            try:
                return call(base, "GET", "/api/health")["status"] == "ok"
            except OSError:
                return False
        wait(healthy, "the server answers")
        running, ended = [], []
        for i in range(a.jobs):
            t0 = time.monotonic()
            job = call(base, "POST", "/api/benchmark/start",
                       {"experiments": ["gmst_era"], "libraries": ["erfa"], "n": 10, "no_perf": True})["job_id"]
            wait(lambda: status(base, job) in ("running", "completed"), f"job {job} runs")
            running.append(time.monotonic() - t0)
            wait(lambda: status(base, job) == "completed", f"job {job} completes")
        for i in range(a.jobs):
            for f in os.listdir(gates):
                os.remove(os.path.join(gates, f))
            job = call(base, "POST", "/api/benchmark/start",
                       {"experiments": ["gmst_era"], "libraries": ["gate"], "n": 10, "no_perf": True})["job_id"]
            wait(lambda: os.path.exists(os.path.join(gates, "gmst_era.waiting")), f"job {job} is held mid-run")
            t0 = time.monotonic()
            call(base, "POST", f"/api/benchmark/jobs/{job}/cancel")
            wait(lambda: status(base, job) == "cancelled", f"job {job} is cancelled")
            ended.append(time.monotonic() - t0)
        ms = lambda xs, p: f"{pct(xs, p) * 1000:.0f} ms"
        print(f"submit -> running ({a.jobs} jobs): p50 {ms(running, 50)}, p99 {ms(running, 99)}, max {ms(running, 100)}")
        print(f"cancel -> cancelled ({a.jobs} jobs, grace {a.grace:g} s, adapter honours SIGTERM): "
              f"p50 {ms(ended, 50)}, p99 {ms(ended, 99)}, max {ms(ended, 100)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not a.keep:
            subprocess.run(["rm", "-rf", root], check=False)

if __name__ == "__main__":
    main()
