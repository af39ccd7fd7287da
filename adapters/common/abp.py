"""abp.py - shared helper for Python adapters speaking the AstroBench adapter protocol "ABP 1"
(and "ABP 2", the persistent accuracy session: serve() at the end)
(see docs/adapter-protocol.md; adapters/common/abp.c is the C counterpart).

An adapter describes its experiments as objects in a dict {name: experiment} and hands control
to main(). An experiment object has:

    columns               number of output columns written per case
    accuracy(cols)        all the cases at once: cols is a list of input columns (one float64
                          array per column); returns an array of shape (cases, columns)
    run(args)             one perf op on one prepared case; the first element of the last
                          result (np.asarray(...).flat[0]) is the perf sink
    skip_reason           optional: when not None, the request is answered "status skipped"
                          with this reason (like the C table's skip_reason)

The adapter also supplies input_columns(name) (the number of input columns the request must
declare) and prepare_cases(experiment, rows, width) (the per-case arguments of perf mode,
prepared outside the timed loop).

The adapters run as `/usr/bin/python3 -I adapter.py`; -I leaves the script's folder off
sys.path, so each adapter puts this folder on sys.path itself before `import abp`.
"""

import math
import os
import sys
import time
from itertools import cycle, islice

import numpy as np


class ProtocolError(Exception):
    pass


def read_request(data):
    """Parses an ABP 1 request: returns (headers dict, rows as a list of lists of floats)."""
    lines = data.decode("ascii").split("\n")
    if not lines or lines[0].strip() != "ABP 1":
        raise ProtocolError("expected 'ABP 1' as the first line")
    headers = {}
    i = 1
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        key, _, value = line.partition(" ")
        if key == "cases":
            count = int(value)
            rows = []
            for _ in range(count):
                if i >= len(lines):
                    raise ProtocolError("fewer case lines than announced")
                rows.append([float(tok) for tok in lines[i].split()])
                i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            if i >= len(lines) or lines[i].strip() != "end":
                raise ProtocolError("missing 'end' after the cases")
            headers["cases"] = count
            return headers, rows
        headers[key] = value.strip()
    raise ProtocolError("missing 'cases' header")


def write(text):
    """Writes text to stdout and flushes it."""
    sys.stdout.write(text)
    sys.stdout.flush()


def write_status(status, reason, magic="ABP 1"):
    """A complete "status error" / "status skipped" response; the reason is put on one line
    and cut to 500 characters."""
    write("%s\nstatus %s\nreason %s\nend\n" % (magic, status, " ".join(str(reason).split())[:500]))


def write_accuracy(out, magic="ABP 1", encoding=None):
    """An accuracy response for the 2-D array out (cases x columns); numbers as repr(float), or
    float.hex for protocol 2's hex encoding."""
    parts = [magic + "\nstatus ok\n"]
    if encoding is not None:
        parts.append("encoding %s\n" % encoding)
    parts.append("columns %d\ncases %d\n" % (out.shape[1], out.shape[0]))
    spell = float.hex if encoding == "hex" else repr
    for row in out.tolist():
        parts.append(" ".join(spell(float(v)) for v in row))
        parts.append("\n")
    parts.append("end\n")
    write("".join(parts))


def columns_of(rows, width):
    """The request rows as a list of `width` contiguous float64 columns."""
    table = np.array(rows, dtype=float).reshape(len(rows), width)
    return [np.ascontiguousarray(table[:, k]) for k in range(width)]


# Steady-state warm-up ("warmup auto", protocol 3; docs/engine.md): chunks of ceil(ops / 20) ops, each
# timed; steady once the last 3 chunk times are within 2 % of each other (max - min <= 2 % of min); at
# most 10 chunks and at most half the timed ops (floor(ops / (2 chunk)) chunks, at least one: a value of
# fewer than 20 ops would otherwise be warmed up by up to 10 of them). The same numbers as adapters/common/abp.c.
WARMUP_CHUNKS_PER_LOOP = 20
WARMUP_MAX_CHUNKS = 10
WARMUP_WINDOW = 3
WARMUP_TOLERANCE = 0.02

# Protocol 4 ("values V"): the most timed values one perf process gives (as abp.c).
PERF_MAX_VALUES = 100

# Protocol 5 ("ops auto"; docs/engine.md): the pilot and the value rule of the orchestrator's PilotRule and PerfOps,
# in IEEE-exact operations only, so that every runtime picks the same ops as the orchestrator checks.
PERF_MAX_OPS = 2_000_000_000
VALUE_GRID = (1.0, 2.0, 5.0, 10.0)


def pilot(run, cases, target_ns):
    """Grow the ops from 1 (x max(2, ceil(target / ns))) until one timed pass lasts target_ns; returns (ops, ns) of the last."""
    ops = 1
    while True:
        ns = timed_pass(run, cases, ops)[0]
        if ns >= target_ns or ops >= PERF_MAX_OPS:
            return ops, ns
        ops = min(PERF_MAX_OPS, ops * max(2, -(-target_ns // max(1, ns))))


def _ratio(a, b):
    return a / b if a >= b else b / a


def nearest_on_grid(ops):
    """The 1-2-5 grid count nearest to ops in ratio (ties go up); at least 1."""
    if not ops > 1:
        return 1
    decade = 1.0
    while decade * 10 <= ops:
        decade *= 10
    best = decade
    for m in VALUE_GRID:
        if _ratio(ops, m * decade) <= _ratio(ops, best):
            best = m * decade
    return int(best)


def value_ops(ns_per_op, cases, target_ns):
    """The ops of one value: whole passes over the cases when a pass fits the target, else the grid count (a prefix)."""
    per_op = max(ns_per_op, 1e-3)
    pass_ns = per_op * cases
    if pass_ns <= target_ns:
        x = target_ns / pass_ns
        passes = math.floor(x)
        if x - passes >= 0.5:
            passes += 1
        return int(min(PERF_MAX_OPS // cases * cases, max(1, passes) * cases))
    return min(max(nearest_on_grid(target_ns / per_op), 1), cases)


class _Empty:
    """The empty body of the empty loop: a bound method called exactly as experiment.run is."""

    def run(self, args):
        return args


def timed_pass(run, cases, ops):
    """One timed pass: `ops` calls of run cycling through the cases; returns (ns, last result).

    CPython never removes a call, so the loop keeps only the last result (folded into the sink by
    the caller) instead of converting every result: the loop stays as cheap as the interpreter allows.
    Every timing (warm-up chunk, timed loop, empty loop) goes through this one function."""
    last = None
    start = time.perf_counter_ns()
    for case in islice(cycle(cases), ops):
        last = run(case)
    return time.perf_counter_ns() - start, last


def warm_up(run, cases, ops, warmup):
    """`warmup` ops (an int), or with warmup == "auto" chunks until steady; returns (ops run, steady)."""
    if warmup != "auto":
        timed_pass(run, cases, warmup)
        return warmup, None
    chunk = -(-ops // WARMUP_CHUNKS_PER_LOOP)
    limit = max(1, min(WARMUP_MAX_CHUNKS, ops // (2 * chunk))) if chunk > 0 else WARMUP_MAX_CHUNKS
    times = []
    while len(times) < limit:
        times.append(timed_pass(run, cases, chunk)[0])
        window = times[-WARMUP_WINDOW:]
        if len(window) == WARMUP_WINDOW and max(window) - min(window) <= WARMUP_TOLERANCE * min(window):
            return chunk * len(times), True
    return chunk * len(times), False


def fold(result):
    return float(np.asarray(result).flat[0])


def perf(experiment, rows, width, ops, warmup, prepare_cases, values=None, auto=None):
    """One op = one library call on ONE case, cycling through the sample.

    The lab sizes rounds from a pilot that starts at one op and assumes ns/op does not depend
    on the op count; a vectorised batch's per-case cost does (it falls with the batch size), so
    batches would give numbers set by the lab's round length rather than by the library. A
    scalar call is what a user pays to transform one coordinate; the vectorised throughput is
    stated in adapter.json (conventions) instead.

    After the timed loop the same loop runs with an empty body (warmed up the same way); its
    cost per op is reported as empty_loop_ns_per_op (protocol 3).

    values (protocol 4): that many timed passes of `ops` ops back to back after the one warm-up, each
    reported in values_ns; the empty loop still runs once. None: a protocol 1/3 request (one value).

    auto (protocol 5, "ops auto"): (pilot target ns, value target ns); the ops of a value come from an in-process pilot
    (reported as pilot_ops and pilot_ns) instead of the request.
    """
    cases = prepare_cases(experiment, rows, width)
    run = experiment.run
    pilot_line = ""
    if auto is not None:  # protocol 5: this process is its own pilot
        pilot_ops, pilot_ns = pilot(run, cases, auto[0])
        ops = value_ops(pilot_ns / pilot_ops, len(rows), auto[1])
        pilot_line = "pilot_ops %d\npilot_ns %d\n" % (pilot_ops, pilot_ns)
    warmup_ops, steady = warm_up(run, cases, ops, warmup)
    value_ns = []
    last = None
    for _ in range(values or 1):
        ns, last = timed_pass(run, cases, ops)
        value_ns.append(max(ns, 1))
    total = sum(value_ns)
    sink = fold(last)
    empty = _Empty().run
    warm_up(empty, cases, ops, warmup)
    empty_total, _ = timed_pass(empty, cases, ops)
    res = time.get_clock_info("perf_counter").resolution * 1e9
    steady_line = pilot_line + ("" if steady is None else "warmup_steady %d\n" % steady)
    if values is not None:
        steady_line += "values_ns %s\n" % " ".join(str(v) for v in value_ns)
    write("ABP 1\nstatus ok\ntotal_ns %d\nops %d\nsink %r\nclock_res_ns %r\nempty_loop_ns_per_op %r\nwarmup_ops %d\n%send\n"
          % (total, ops * len(value_ns), sink, max(res, 1.0), empty_total / ops, warmup_ops, steady_line))


def main(argv, version_line, experiments, input_columns, prepare_cases):
    """Runs the adapter: "--version" prints version_line; otherwise reads one request from
    stdin and writes the response to stdout. Returns the process exit code (0: every problem
    with the request or the library is answered as "status error")."""
    if len(argv) > 1 and argv[1] == "--version":
        print(version_line)
        return 0
    if os.environ.get("ASTROBENCH_READY") == "1":
        # Protocol 6 (docs/adapter-protocol.md, "Version 6"): the adapter module's imports (astropy, skyfield, numpy)
        # are done by now; say so before blocking on stdin, so the lab can time this process once every start-up is over.
        write("ABP ready\n")
    stdin = sys.stdin.buffer
    first = stdin.readline()
    if first.strip() == b"ABP 2":
        return leave(serve(stdin, experiments, input_columns))
    return leave(answer_v1(first + stdin.read(), experiments, input_columns, prepare_cases))


def leave(code):
    """Ends the process at once with `code`, its answer flushed, skipping the interpreter's shutdown.

    The lab waits for a timing process to exit before it times the next round (nothing may run beside a round), and
    CPython's shutdown (module teardown, the collection of astropy's objects) took 0.15 s after astropy's answer and
    0.03-0.05 s after Skyfield's: as long as the timed values of a round (docs/engine.md, "Fewer processes for
    interpreted runtimes"). Nothing of a request's work needs the shutdown: the answer is on stdout, nothing is saved."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def answer_v1(data, experiments, input_columns, prepare_cases):
    """Answers one ABP 1 request (`data`: the whole of stdin); returns the exit code (0: every problem with the request
    or the library is answered as "status error")."""
    try:
        headers, rows = read_request(data)
    except (ProtocolError, ValueError, UnicodeDecodeError) as exc:
        write_status("error", "bad request: %s" % exc)
        return 0
    name = headers.get("experiment", "")
    experiment = experiments.get(name)
    if experiment is None:
        write_status("error", "unknown experiment %s" % name)
        return 0
    skip_reason = getattr(experiment, "skip_reason", None)
    if skip_reason is not None:
        write_status("skipped", skip_reason)
        return 0
    width = int(headers.get("columns", "0"))
    if width != input_columns(name) or any(len(r) != width for r in rows):
        write_status("error", "experiment %s expects %d input columns" % (name, input_columns(name)))
        return 0
    mode = headers.get("mode", "accuracy")
    try:
        if mode == "accuracy":
            if not rows:
                write_accuracy(np.empty((0, experiment.columns)))
                return 0
            out = np.asarray(experiment.accuracy(columns_of(rows, width)), dtype=float)
            write_accuracy(out.reshape(len(rows), experiment.columns))
        elif mode == "perf":
            if not rows:
                write_status("error", "perf request without cases")
                return 0
            warmup = headers.get("warmup", "0")
            values = int(headers["values"]) if "values" in headers else None
            if values is not None and not 1 <= values <= PERF_MAX_VALUES:
                write_status("error", "values must be 1 to %d" % PERF_MAX_VALUES)
                return 0
            auto = None
            ops = headers.get("ops", "1")
            if ops == "auto":
                auto = (int(headers["pilot_target_ns"]), int(headers["value_target_ns"]))
                if auto[0] < 1 or auto[1] < 1:
                    write_status("error", "ops auto needs positive pilot_target_ns and value_target_ns")
                    return 0
                ops = "1"
            perf(experiment, rows, width, int(ops), warmup if warmup == "auto" else int(warmup),
                 prepare_cases, values, auto)
        else:
            write_status("error", "unknown mode %s" % mode)
    except Exception as exc:  # a library failure is reported, not a traceback
        write_status("error", "%s: %s" % (type(exc).__name__, exc))
    return 0


# --------------------------------------------------------------------------------------------
# Protocol 2 (docs/adapter-protocol.md): one process serves framed accuracy requests until the
# end of stdin; the client sends the next request after reading the previous response. Perf
# stays protocol 1 (a fresh process per timing call), so perf() is not reachable from here.
# --------------------------------------------------------------------------------------------


def read_request_v2(stdin):
    """Reads one request after its magic line: (headers, rows); rows are parsed in the request's
    encoding (float.fromhex reads hex floats, nan and inf). Raises ProtocolError."""
    headers = {}
    while True:
        line = stdin.readline()
        if not line:
            raise ProtocolError("input ended inside a request header")
        key, _, value = line.decode("ascii").strip().partition(" ")
        if key == "end":
            raise ProtocolError("'end' before 'cases'")
        if key == "cases":
            break
        if key:
            headers[key] = value.strip()
    count = int(value)
    parse = float.fromhex if headers.get("encoding") == "hex" else float
    rows = []
    for _ in range(count):
        line = stdin.readline()
        if not line or line.strip() == b"end":
            raise ProtocolError("fewer case lines than announced")
        rows.append([parse(tok) for tok in line.decode("ascii").split()])
    if stdin.readline().strip() != b"end":
        raise ProtocolError("missing 'end' after the cases")
    headers["cases"] = count
    return headers, rows


def answer_v2(headers, rows, experiments, input_columns):
    """Answers one v2 request on stdout; every problem is a "status error" response."""
    magic = "ABP 2"
    name = headers.get("experiment", "")
    experiment = experiments.get(name)
    if experiment is None:
        write_status("error", "unknown experiment %s" % name, magic)
        return
    skip_reason = getattr(experiment, "skip_reason", None)
    if skip_reason is not None:
        write_status("skipped", skip_reason, magic)
        return
    encoding = headers.get("encoding", "decimal")
    width = int(headers.get("columns", "0"))
    if headers.get("mode", "accuracy") != "accuracy":
        write_status("error", "protocol 2 serves accuracy requests only (perf: one ABP 1 process per call)", magic)
    elif encoding not in ("decimal", "hex"):
        write_status("error", "unknown encoding %s" % encoding, magic)
    elif width != input_columns(name) or any(len(r) != width for r in rows):
        write_status("error", "experiment %s expects %d input columns" % (name, input_columns(name)), magic)
    elif not rows:
        write_accuracy(np.empty((0, experiment.columns)), magic, encoding)
    else:
        try:
            out = np.asarray(experiment.accuracy(columns_of(rows, width)), dtype=float)
            write_accuracy(out.reshape(len(rows), experiment.columns), magic, encoding)
        except Exception as exc:  # a library failure is reported, not a traceback
            write_status("error", "%s: %s" % (type(exc).__name__, exc), magic)


def serve(stdin, experiments, input_columns):
    """The v2 loop; its first magic line has been read. Returns the exit code."""
    while True:
        try:
            headers, rows = read_request_v2(stdin)
        except (ProtocolError, ValueError, UnicodeDecodeError) as exc:
            # The stream cannot be trusted after a malformed request: answer, then end the session.
            write_status("error", "bad request: %s" % exc, "ABP 2")
            return 2
        answer_v2(headers, rows, experiments, input_columns)
        line = stdin.readline()
        while line and not line.strip():
            line = stdin.readline()
        if not line:
            return 0
        if line.strip() != b"ABP 2":
            write_status("error", "bad magic line, expected 'ABP 2'", "ABP 2")
            return 2
