"""abp.py - shared helper for Python adapters speaking the AstroBench adapter protocol "ABP 1"
(see docs/adapter-protocol.md; adapters/common/abp.c is the C counterpart).

An adapter describes its experiments as objects in a dict {name: experiment} and hands control
to main(). An experiment object has:

    columns               number of output columns written per case
    accuracy(cols)        all the cases at once: cols is a list of input columns (one float64
                          array per column); returns an array of shape (cases, columns)
    run(args)             one perf op on one prepared case; the first element of its result
                          (np.asarray(...).flat[0]) is folded into the perf sink
    skip_reason           optional: when not None, the request is answered "status skipped"
                          with this reason (like the C table's skip_reason)

The adapter also supplies input_columns(name) (the number of input columns the request must
declare) and prepare_cases(experiment, rows, width) (the per-case arguments of perf mode,
prepared outside the timed loop).

The adapters run as `/usr/bin/python3 -I adapter.py`; -I leaves the script's folder off
sys.path, so each adapter puts this folder on sys.path itself before `import abp`.
"""

import sys
import time

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


def write_status(status, reason):
    """A complete "status error" / "status skipped" response; the reason is put on one line
    and cut to 500 characters."""
    write("ABP 1\nstatus %s\nreason %s\nend\n" % (status, " ".join(str(reason).split())[:500]))


def write_accuracy(out):
    """An accuracy response for the 2-D array out (cases x columns); numbers as repr(float)."""
    parts = ["ABP 1\nstatus ok\ncolumns %d\ncases %d\n" % (out.shape[1], out.shape[0])]
    for row in out.tolist():
        parts.append(" ".join(repr(float(v)) for v in row))
        parts.append("\n")
    parts.append("end\n")
    write("".join(parts))


def columns_of(rows, width):
    """The request rows as a list of `width` contiguous float64 columns."""
    table = np.array(rows, dtype=float).reshape(len(rows), width)
    return [np.ascontiguousarray(table[:, k]) for k in range(width)]


def perf(experiment, rows, width, ops, warmup, prepare_cases):
    """One op = one library call on ONE case, cycling through the sample.

    The lab sizes rounds from a pilot that starts at one op and assumes ns/op does not depend
    on the op count; a vectorised batch's per-case cost does (it falls with the batch size), so
    batches would give numbers set by the lab's round length rather than by the library. A
    scalar call is what a user pays to transform one coordinate; the vectorised throughput is
    stated in adapter.json (conventions) instead.
    """
    cases = prepare_cases(experiment, rows, width)
    count = len(cases)
    run = experiment.run
    sink = 0.0
    for k in range(warmup):
        sink += float(np.asarray(run(cases[k % count])).flat[0])
    sink = 0.0
    start = time.perf_counter_ns()
    for k in range(ops):
        sink += float(np.asarray(run(cases[k % count])).flat[0])
    total = time.perf_counter_ns() - start
    res = time.get_clock_info("perf_counter").resolution * 1e9
    write("ABP 1\nstatus ok\ntotal_ns %d\nops %d\nsink %r\nclock_res_ns %r\nend\n"
          % (max(total, 1), ops, sink, max(res, 1.0)))


def main(argv, version_line, experiments, input_columns, prepare_cases):
    """Runs the adapter: "--version" prints version_line; otherwise reads one request from
    stdin and writes the response to stdout. Returns the process exit code (0: every problem
    with the request or the library is answered as "status error")."""
    if len(argv) > 1 and argv[1] == "--version":
        print(version_line)
        return 0
    try:
        headers, rows = read_request(sys.stdin.buffer.read())
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
            perf(experiment, rows, width, int(headers.get("ops", "1")), int(headers.get("warmup", "0")),
                 prepare_cases)
        else:
            write_status("error", "unknown mode %s" % mode)
    except Exception as exc:  # a library failure is reported, not a traceback
        write_status("error", "%s: %s" % (type(exc).__name__, exc))
    return 0
