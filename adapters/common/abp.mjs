// abp.mjs - the AstroBench adapter protocol "ABP 1", and "ABP 2" through wire.mjs (docs/adapter-protocol.md), for JavaScript
// adapters: request parsing, accuracy and perf modes, number formatting. An adapter describes its
// experiments as { name: { nIn, nOut, nFold, compute(inp, out) } or { nIn, nOut, skip: reason } }
// and calls runAdapter().

import { writeSync } from 'node:fs';
import { LineReader, serve } from './wire.mjs';

function fmt(x) {
    if (Number.isNaN(x)) return 'nan';
    if (x === Infinity) return 'inf';
    if (x === -Infinity) return '-inf';
    return String(x); // shortest round-trip form
}

function parseNumber(s) {
    const l = s.toLowerCase();
    if (l === 'nan' || l === '+nan' || l === '-nan') return NaN;
    if (l === 'inf' || l === '+inf' || l === 'infinity' || l === '+infinity') return Infinity;
    if (l === '-inf' || l === '-infinity') return -Infinity;
    const v = Number(s);
    if (s.length === 0 || Number.isNaN(v)) throw new Error(`unparsable number "${s}"`);
    return v;
}

function respond(lines) {
    process.stdout.write(lines.join('\n') + '\n');
}

function fail(reason) {
    respond(['ABP 1', 'status error', `reason ${reason.replace(/\s+/g, ' ')}`, 'end']);
}

export function runAdapter({ versionLine, experiments, dataVersions }) {
    if (process.argv.includes('--version')) {
        process.stdout.write(`${versionLine()}\n`);
        return;
    }
    if (process.argv.includes('--data-versions') && dataVersions) {
        process.stdout.write(dataVersions().map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
        return;
    }
    if (process.env.ASTROBENCH_READY === '1') {
        // Protocol 6 (docs/adapter-protocol.md, "Version 6"): the adapter's module graph (its top-level imports and awaits)
        // is loaded by the time runAdapter runs; say so synchronously before blocking on stdin.
        writeSync(1, 'ABP ready\n');
    }
    const reader = new LineReader();
    const first = reader.next();
    if ((first ?? '').trim() === 'ABP 2') {
        // Protocol 2 (wire.mjs), for adapters whose manifest declares it: synchronous writes, so a response
        // is out before the next request is read.
        process.exitCode = serve(reader, experiments, (text) => writeSync(1, text));
        return;
    }
    const lines = [first ?? ''];
    for (let line = reader.next(); line !== null; line = reader.next()) lines.push(line);
    let i = 0;
    if ((lines[i++] || '').trim() !== 'ABP 1') return fail('expected "ABP 1"');
    const header = {};
    for (; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '') continue;
        const sp = line.indexOf(' ');
        const key = sp < 0 ? line : line.slice(0, sp);
        header[key] = sp < 0 ? '' : line.slice(sp + 1).trim();
        if (key === 'cases') { i++; break; }
    }
    const name = header.experiment;
    const exp = experiments[name];
    if (!exp) return fail(`unknown experiment ${name}`);
    const mode = header.mode || 'accuracy';
    if (mode !== 'accuracy' && mode !== 'perf') return fail(`unknown mode ${mode}`);
    const nCols = Number(header.columns);
    const nCases = Number(header.cases);
    if (nCols !== exp.nIn) return fail(`${name} needs ${exp.nIn} input columns, got ${header.columns}`);
    if (!Number.isInteger(nCases) || nCases < 0) return fail(`bad cases ${header.cases}`);
    if (exp.skip) return respond(['ABP 1', 'status skipped', `reason ${exp.skip}`, 'end']);

    const rows = [];
    for (; rows.length < nCases && i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '') continue;
        const parts = line.split(/\s+/);
        if (parts.length !== nCols) return fail(`row ${rows.length + 1} has ${parts.length} numbers, expected ${nCols}`);
        try {
            rows.push(Float64Array.from(parts, parseNumber));
        } catch (e) {
            return fail(String(e.message || e));
        }
    }
    if (rows.length !== nCases) return fail(`expected ${nCases} cases, got ${rows.length}`);
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length || lines[i].trim() !== 'end') return fail('missing end');

    const out = new Float64Array(exp.nOut);
    if (mode === 'accuracy') {
        const body = ['ABP 1', 'status ok', `columns ${exp.nOut}`, `cases ${nCases}`];
        for (const row of rows) {
            try {
                exp.compute(row, out);
            } catch {
                out.fill(NaN); // the library threw for this input (e.g. a degenerate vector)
            }
            body.push(Array.from(out, fmt).join(' '));
        }
        body.push('end');
        return respond(body);
    }

    // Protocol 5: `ops auto`: this process is its own pilot, and sizes one value by the orchestrator's rule.
    const opsAuto = header.ops === 'auto';
    const pilotTarget = Number(header.pilot_target_ns);
    const valueTarget = Number(header.value_target_ns);
    if (opsAuto && !(Number.isInteger(pilotTarget) && pilotTarget > 0 && Number.isInteger(valueTarget) && valueTarget > 0)) {
        return fail('ops auto needs positive pilot_target_ns and value_target_ns');
    }
    let ops = opsAuto ? 1 : Number(header.ops);
    const auto = header.warmup === 'auto';
    const warmup = auto ? 0 : Number(header.warmup || 0);
    if (!Number.isInteger(ops) || ops <= 0) return fail(`bad ops ${header.ops}`);
    if (!Number.isInteger(warmup) || warmup < 0) return fail(`bad warmup ${header.warmup}`);
    // Protocol 4: `values V` timed passes back to back after the one warm-up, each reported in values_ns.
    const valuesGiven = header.values !== undefined;
    const values = valuesGiven ? Number(header.values) : 1;
    if (!Number.isInteger(values) || values < 1 || values > PERF_MAX_VALUES) return fail(`values must be 1 to ${PERF_MAX_VALUES}`);
    if (nCases === 0) return fail('perf needs at least one case');
    // Warm-up, the timed loop, then the same for the empty body (after, so that the timed loop follows its own
    // warm-up and its call site has seen only the library's compute).
    const sink = { value: 0 };
    let pilotLines = [];
    if (opsAuto) {
        const [pilotOps, pilotNs] = pilot(exp.compute, rows, out, exp.nFold, pilotTarget, sink);
        ops = valueOps(pilotNs / pilotOps, nCases, valueTarget);
        pilotLines = [`pilot_ops ${pilotOps}`, `pilot_ns ${pilotNs}`];
    }
    const [warmupOps, steady] = warmUp(exp.compute, rows, out, exp.nFold, ops, auto, warmup, sink);
    sink.value = 0;
    const valueNs = [];
    for (let v = 0; v < values; v++) {
        const ns = timedPass(exp.compute, rows, out, exp.nFold, ops, sink);
        valueNs.push(ns > 0n ? ns : 1n);
    }
    const totalNs = valueNs.reduce((a, b) => a + b, 0n);
    warmUp(emptyCompute, rows, out, exp.nFold, ops, auto, warmup, sink);
    const emptyNs = timedPass(emptyCompute, rows, out, exp.nFold, ops, sink);
    const body = ['ABP 1', 'status ok', `total_ns ${totalNs}`, `ops ${ops * values}`, `sink ${fmt(sink.value)}`,
        `clock_res_ns ${clockResolutionNs()}`, `empty_loop_ns_per_op ${fmt(Number(emptyNs) / ops)}`, `warmup_ops ${warmupOps}`];
    body.push(...pilotLines);
    if (auto) body.push(`warmup_steady ${steady ? 1 : 0}`);
    if (valuesGiven) body.push(`values_ns ${valueNs.join(' ')}`);
    body.push('end');
    respond(body);
}

// Steady-state warm-up ("warmup auto", protocol 3; docs/engine.md): chunks of ceil(ops / 20) ops, each timed;
// steady once the last 3 chunk times are within 2 % of each other (max - min <= 2 % of min); at most 10 chunks and at
// most half the timed ops (floor(ops / (2 chunk)) chunks, at least one). The same numbers as adapters/common/abp.c.
const WARMUP_CHUNKS_PER_LOOP = 20;
const WARMUP_MAX_CHUNKS = 10;
const WARMUP_WINDOW = 3;
const WARMUP_TOLERANCE = 0.02;
// Protocol 4 ("values V"): the most timed values one perf process gives (as abp.c).
const PERF_MAX_VALUES = 100;

// Protocol 5 ("ops auto"; docs/engine.md): the pilot and the value rule of the orchestrator's PilotRule and PerfOps, in
// IEEE-exact operations only, so that every runtime picks the same ops as the orchestrator checks.
const PERF_MAX_OPS = 2000000000;
const VALUE_GRID = [1, 2, 5, 10];

// Grow the ops from 1 (x max(2, ceil(target / ns))) until one timed pass lasts target ns; returns [ops, ns] of the last.
function pilot(compute, rows, out, nFold, target, sink) {
    let ops = 1;
    for (;;) {
        const ns = Number(timedPass(compute, rows, out, nFold, ops, sink));
        if (ns >= target || ops >= PERF_MAX_OPS) return [ops, ns];
        ops = Math.min(PERF_MAX_OPS, ops * Math.max(2, Math.ceil(target / Math.max(1, ns))));
    }
}

const ratio = (a, b) => (a >= b ? a / b : b / a);

// The 1-2-5 grid count nearest to ops in ratio (ties go up); at least 1.
function nearestOnGrid(ops) {
    if (!(ops > 1)) return 1;
    let decade = 1;
    while (decade * 10 <= ops) decade *= 10;
    let best = decade;
    for (const m of VALUE_GRID) if (ratio(ops, m * decade) <= ratio(ops, best)) best = m * decade;
    return best;
}

// The ops of one value: whole passes over the cases when a pass fits the target, else the grid count (a prefix).
function valueOps(nsPerOp, cases, target) {
    const perOp = Math.max(nsPerOp, 1e-3);
    const passNs = perOp * cases;
    if (passNs <= target) {
        const x = target / passNs;
        let passes = Math.floor(x);
        if (x - passes >= 0.5) passes += 1;
        return Math.min(Math.floor(PERF_MAX_OPS / cases) * cases, Math.max(1, passes) * cases);
    }
    return Math.min(Math.max(nearestOnGrid(target / perOp), 1), cases);
}

// The empty body of the empty loop, called exactly as a compute is.
function emptyCompute() {}

// One timed pass: ops calls of compute cycling through the rows (wrap-around index compare), folding the first
// nFold outputs into sink.value; returns the elapsed ns (a BigInt). Every timing goes through this one function.
function timedPass(compute, rows, out, nFold, ops, sink) {
    const nCases = rows.length;
    let acc = 0;
    let k = 0;
    const t0 = process.hrtime.bigint();
    for (let n = 0; n < ops; n++) {
        try {
            compute(rows[k], out);
        } catch {
            out.fill(NaN); // same treatment as accuracy mode
        }
        for (let j = 0; j < nFold; j++) acc += out[j];
        if (++k === nCases) k = 0;
    }
    const t1 = process.hrtime.bigint();
    sink.value += acc;
    return t1 - t0;
}

// `warmup` ops, or (auto) chunks until steady; returns [ops run, steady].
function warmUp(compute, rows, out, nFold, ops, auto, warmup, sink) {
    if (!auto) {
        if (warmup > 0) timedPass(compute, rows, out, nFold, warmup, sink);
        return [warmup, false];
    }
    const chunk = Math.ceil(ops / WARMUP_CHUNKS_PER_LOOP);
    const limit = chunk > 0 ? Math.max(1, Math.min(WARMUP_MAX_CHUNKS, Math.floor(ops / (2 * chunk)))) : WARMUP_MAX_CHUNKS;
    const times = [];
    while (times.length < limit) {
        times.push(Number(timedPass(compute, rows, out, nFold, chunk, sink)));
        if (times.length >= WARMUP_WINDOW) {
            const w = times.slice(-WARMUP_WINDOW);
            if (Math.max(...w) - Math.min(...w) <= WARMUP_TOLERANCE * Math.min(...w)) return [chunk * times.length, true];
        }
    }
    return [chunk * times.length, false];
}

// Smallest non-zero step seen between consecutive process.hrtime.bigint() readings.
function clockResolutionNs() {
    let best = 1n << 62n;
    for (let n = 0; n < 1000; n++) {
        const a = process.hrtime.bigint();
        let b = process.hrtime.bigint();
        while (b === a) b = process.hrtime.bigint();
        if (b - a < best) best = b - a;
    }
    return best.toString();
}

