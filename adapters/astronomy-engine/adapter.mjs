// adapter.mjs - AstroBench adapter (protocol "ABP 1", and "ABP 2" through wire.mjs; docs/adapter-protocol.md) for the
// Astronomy Engine npm package (astronomy-engine, Don Cross, MIT).
//
// Time scales. Astronomy Engine's AstroTime is built from UT days since J2000 and derives TT
// with its own Delta T model (Espenak-Meeus by default). The library's documented hook
// SetDeltaTFunction() replaces that model; this adapter installs a function that returns the
// Delta T of the current case, so the library sees exactly the TT and UT1 of the input:
//   - experiments with only jd_tt: Delta T := 0 and AstroTime(jd_tt - 2451545), so time.tt is the
//     input TT exactly (time.ut then equals TT; none of these experiments reads UT);
//   - experiments with jd_ut1 and jd_tt: Delta T := (jd_tt - jd_ut1) * 86400 s and
//     AstroTime(jd_ut1 - 2451545), so time.ut is UT1 and time.tt = UT1 + Delta T = TT.
//
// Matrices. Astronomy Engine stores RotationMatrix.rot column-major (RotateVector computes
// out[j] = sum_i rot[i][j] v[i]); the protocol wants the source->target matrix row-major, so
// r(row, col) = rot[col][row].
//
// Angles cross the library in degrees and hours; they are converted from/to radians here.

import { readFileSync, writeSync } from 'node:fs';
import { LineReader, serve } from './wire.mjs';
import { createRequire } from 'node:module';

let A;
try {
    A = await import('astronomy-engine');
} catch (e) {
    process.stderr.write(`astronomy-engine is not installed next to adapter.mjs (run 'npm ci' in adapters/astronomy-engine, ` +
        `or 'astrobench adapters build'): ${e.message}\n`);
    process.exit(1);
}

const ADAPTER_VERSION = '1.0.0';
const J2000 = 2451545.0;
const DEG = 180 / Math.PI;
const RAD = Math.PI / 180;
const TWO_PI = 2 * Math.PI;

function libraryVersion() {
    try {
        const require = createRequire(import.meta.url);
        return require('astronomy-engine/package.json').version;
    } catch {
        // The package's "exports" map may hide package.json; read it from node_modules instead.
        const text = readFileSync(new URL('./node_modules/astronomy-engine/package.json', import.meta.url), 'utf8');
        return JSON.parse(text).version;
    }
}

// ---------------------------------------------------------------- time
let deltaTSeconds = 0;
A.SetDeltaTFunction(() => deltaTSeconds);

function timeTT(jdTT) {
    deltaTSeconds = 0;
    return new A.AstroTime(jdTT - J2000);
}

function timeUT1(jdUT1, jdTT) {
    deltaTSeconds = (jdTT - jdUT1) * 86400;
    return new A.AstroTime(jdUT1 - J2000);
}

// ---------------------------------------------------------------- helpers
function norm2pi(a) {
    const r = a % TWO_PI;
    return r < 0 ? r + TWO_PI : r;
}

// Rotated vector (x y z) then the row-major matrix r11..r33.
function writeRotation(rot, inp, out) {
    const m = rot.rot;
    const x = inp[1], y = inp[2], z = inp[3];
    out[0] = m[0][0] * x + m[1][0] * y + m[2][0] * z;
    out[1] = m[0][1] * x + m[1][1] * y + m[2][1] * z;
    out[2] = m[0][2] * x + m[1][2] * y + m[2][2] * z;
    for (let r = 0; r < 3; r++)
        for (let c = 0; c < 3; c++)
            out[3 + 3 * r + c] = m[c][r];
}

// Geocentric (ra, dec, dist) from an EQJ vector in au, ra in [0, 2pi).
function writePosition(x, y, z, out) {
    out[0] = norm2pi(Math.atan2(y, x));
    out[1] = Math.atan2(z, Math.hypot(x, y));
    out[2] = Math.sqrt(x * x + y * y + z * z);
}

// Astronomy Engine only has the TRUE ecliptic of date (ECT: EQD rotated by the true obliquity).
// Because its nutation matrix is R1(-eps_A - deps) R3(-dpsi) R1(eps_A), the ECT frame equals the
// mean ecliptic of date turned by -dpsi about the ecliptic pole: lambda_true = lambda_mean + dpsi.
// The mean ecliptic and equinox of date is therefore ECT pivoted by -dpsi about z, with dpsi from
// the library's own e_tilt() (IAU 2000B, arcseconds).
function rotationEqjToMeanEclipticOfDate(time) {
    return A.Pivot(A.Rotation_EQJ_ECT(time), 2, -A.e_tilt(time).dpsi / 3600);
}

// ---------------------------------------------------------------- experiments
const rotationOf = {
    frame_rotation_bpn: (t) => A.Rotation_EQJ_EQD(t),
    inv_bpn: (t) => A.Rotation_EQD_EQJ(t),
    precession_nutation: (t) => A.Rotation_EQJ_EQD(t),
    inv_precession_nutation: (t) => A.Rotation_EQD_EQJ(t),
    icrs_ecl_j2000: () => A.Rotation_EQJ_ECL(),
    inv_icrs_ecl_j2000: () => A.Rotation_ECL_EQJ(),
    obliquity: () => A.Rotation_EQJ_ECL(),
    inv_obliquity: () => A.Rotation_ECL_EQJ(),
    icrs_ecl_tod: (t) => rotationEqjToMeanEclipticOfDate(t),
    inv_icrs_ecl_tod: (t) => A.InverseRotation(rotationEqjToMeanEclipticOfDate(t)),
};

const experiments = {};

for (const [name, make] of Object.entries(rotationOf)) {
    experiments[name] = {
        nIn: 4, nOut: 12, nFold: 3,
        compute(inp, out) {
            writeRotation(make(timeTT(inp[0])), inp, out);
        },
    };
}

const NO_FRAME_BIAS = 'Astronomy Engine has no frame bias: its EQJ frame is the mean equator and equinox of J2000, used in place of ICRS';
const INTERNAL_ONLY = 'Astronomy Engine exposes no precession-only or nutation-only rotation (precession_rot/nutation_rot are internal); see precession_nutation for its combined EQJ->EQD matrix';
for (const name of ['frame_bias', 'inv_frame_bias']) experiments[name] = { nIn: 4, nOut: 12, skip: NO_FRAME_BIAS };
for (const name of ['precession', 'inv_precession', 'nutation', 'inv_nutation', 'bias_precession', 'inv_bias_precession'])
    experiments[name] = { nIn: 4, nOut: 12, skip: INTERNAL_ONLY };

// gmst_era: jd_ut1 jd_tt -> gmst_rad era_rad (era not provided).
// SiderealTime() returns GAST in sidereal hours. The library computes it as ERA(UT1) + the IAU 2006
// GMST polynomial in TT + the equation of the equinoxes 15*e_tilt().ee (arcsec); GMST is GAST minus
// that equation of the equinoxes, taken from the same (exported) e_tilt() value.
experiments.gmst_era = {
    nIn: 2, nOut: 2, nFold: 1,
    compute(inp, out) {
        const t = timeUT1(inp[0], inp[1]);
        const gastHours = A.SiderealTime(t);
        const gmstHours = gastHours - A.e_tilt(t).ee / 3600;
        out[0] = norm2pi(gmstHours * 15 * RAD);
        out[1] = NaN;
    },
};

// equ_ecl: jd_tt ra dec (ICRS) -> lon lat (mean ecliptic of date), ra_back dec_back.
// Ecliptic() gives the TRUE ecliptic of date; the mean longitude is its longitude minus dpsi.
// Closure: mean -> true longitude (+dpsi), Rotation_ECT_EQJ, EquatorFromVector.
experiments.equ_ecl = {
    nIn: 3, nOut: 4, nFold: 4,
    compute(inp, out) {
        const t = timeTT(inp[0]);
        const dpsiDeg = A.e_tilt(t).dpsi / 3600;
        const v = A.VectorFromSphere(new A.Spherical(inp[2] * DEG, inp[1] * DEG, 1), t);
        const ecl = A.Ecliptic(v);
        const lonDeg = ecl.elon - dpsiDeg;
        out[0] = norm2pi(lonDeg * RAD);
        out[1] = ecl.elat * RAD;
        const back = A.EquatorFromVector(A.RotateVector(A.Rotation_ECT_EQJ(t),
            A.VectorFromSphere(new A.Spherical(ecl.elat, lonDeg + dpsiDeg, 1), t)));
        out[2] = norm2pi(back.ra * 15 * RAD);
        out[3] = back.dec * RAD;
    },
};

// inv_equ_ecl: jd_tt lon lat (mean ecliptic of date) -> ra dec (ICRS), lon_back lat_back.
experiments.inv_equ_ecl = {
    nIn: 3, nOut: 4, nFold: 4,
    compute(inp, out) {
        const t = timeTT(inp[0]);
        const dpsiDeg = A.e_tilt(t).dpsi / 3600;
        const ect = A.VectorFromSphere(new A.Spherical(inp[2] * DEG, inp[1] * DEG + dpsiDeg, 1), t);
        const eqj = A.RotateVector(A.Rotation_ECT_EQJ(t), ect);
        const equ = A.EquatorFromVector(eqj);
        out[0] = norm2pi(equ.ra * 15 * RAD);
        out[1] = equ.dec * RAD;
        const ecl = A.Ecliptic(eqj);
        out[2] = norm2pi((ecl.elon - dpsiDeg) * RAD);
        out[3] = ecl.elat * RAD;
    },
};

// equ_horizontal: jd_ut1 jd_tt ra dec lat lon -> az alt. Horizon() takes RA/Dec of date, uses GAST,
// azimuth from north through east; no refraction (refraction argument left undefined).
experiments.equ_horizontal = {
    nIn: 6, nOut: 2, nFold: 2,
    compute(inp, out) {
        const t = timeUT1(inp[0], inp[1]);
        const observer = new A.Observer(inp[4] * DEG, inp[5] * DEG, 0);
        const hor = A.Horizon(t, observer, inp[2] * DEG / 15, inp[3] * DEG, undefined);
        out[0] = hor.azimuth * RAD;
        out[1] = hor.altitude * RAD;
    },
};

// horiz_to_equ: jd_ut1 jd_tt az alt lat lon -> ra dec (true equator and equinox of date).
// VectorFromHorizon (no refraction) + Rotation_HOR_EQD (GAST) + EquatorFromVector.
experiments.horiz_to_equ = {
    nIn: 6, nOut: 2, nFold: 2,
    compute(inp, out) {
        const t = timeUT1(inp[0], inp[1]);
        const observer = new A.Observer(inp[4] * DEG, inp[5] * DEG, 0);
        const hor = A.VectorFromHorizon(new A.Spherical(inp[3] * DEG, inp[2] * DEG, 1), t, undefined);
        const equ = A.EquatorFromVector(A.RotateVector(A.Rotation_HOR_EQD(t, observer), hor));
        out[0] = norm2pi(equ.ra * 15 * RAD);
        out[1] = equ.dec * RAD;
    },
};

// Sun and planets: geometric geocentric = HelioVector(body) - HelioVector(Earth) at the same TT
// (GeoVector() would back-date the body for light time even with aberration=false).
function geometricFromHelio(body) {
    return {
        nIn: 1, nOut: 3, nFold: 3,
        compute(inp, out) {
            const t = timeTT(inp[0]);
            const e = A.HelioVector(A.Body.Earth, t);
            if (body === null) {
                writePosition(-e.x, -e.y, -e.z, out);
            } else {
                const p = A.HelioVector(body, t);
                writePosition(p.x - e.x, p.y - e.y, p.z - e.z, out);
            }
        },
    };
}

experiments.solar_position = geometricFromHelio(null);
for (const [id, body] of [['mercury', A.Body.Mercury], ['venus', A.Body.Venus], ['mars', A.Body.Mars],
    ['jupiter', A.Body.Jupiter], ['saturn', A.Body.Saturn], ['uranus', A.Body.Uranus], ['neptune', A.Body.Neptune]])
    experiments[`${id}_position`] = geometricFromHelio(body);

// Moon: GeoMoon() is geocentric and geometric (no light time), EQJ axes, au.
experiments.lunar_position = {
    nIn: 1, nOut: 3, nFold: 3,
    compute(inp, out) {
        const m = A.GeoMoon(timeTT(inp[0]));
        writePosition(m.x, m.y, m.z, out);
    },
};

experiments.kepler_solver = {
    nIn: 2, nOut: 2,
    skip: 'Astronomy Engine exposes no Kepler equation solver (its orbit code is internal)',
};

// ---------------------------------------------------------------- protocol
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

function main() {
    if (process.argv.includes('--version')) {
        process.stdout.write(`astronomy-engine-adapter ${ADAPTER_VERSION}; astronomy-engine ${libraryVersion()} (node ${process.versions.node})\n`);
        return;
    }
    const reader = new LineReader();
    const first = reader.next();
    if ((first ?? '').trim() === 'ABP 2') {
        // Protocol 2 (wire.mjs): synchronous writes, so a response is out before the next request is read.
        process.exitCode = serve(reader, experiments, (text) => writeSync(1, text));
        return;
    }
    const rest = [];
    for (let line = reader.next(); line !== null; line = reader.next()) rest.push(line);
    const lines = [first ?? '', ...rest];
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

    const ops = Number(header.ops);
    const warmup = Number(header.warmup || 0);
    if (!Number.isInteger(ops) || ops <= 0) return fail(`bad ops ${header.ops}`);
    if (nCases === 0) return fail('perf needs at least one case');
    let sink = 0;
    let k = 0;
    const step = (row) => {
        try {
            exp.compute(row, out);
        } catch {
            out.fill(NaN); // same treatment as accuracy mode
        }
    };
    for (let n = 0; n < warmup; n++) {
        step(rows[k]);
        for (let j = 0; j < exp.nFold; j++) sink += out[j];
        if (++k === nCases) k = 0;
    }
    k = 0;
    const t0 = process.hrtime.bigint();
    for (let n = 0; n < ops; n++) {
        step(rows[k]);
        for (let j = 0; j < exp.nFold; j++) sink += out[j];
        if (++k === nCases) k = 0;
    }
    const t1 = process.hrtime.bigint();
    respond(['ABP 1', 'status ok', `total_ns ${t1 - t0}`, `ops ${ops}`, `sink ${fmt(sink)}`,
        `clock_res_ns ${clockResolutionNs()}`, 'end']);
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

main();
