// adapter.mjs - AstroBench adapter (protocol "ABP 1", docs/adapter-protocol.md) for astronomia
// (commenthol/astronomia, MIT): Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998), with the full
// VSOP87B series for the Sun and planets and ELP/MPP02 (DE405 fit) for the Moon.
//
// Models (docs/libraries.md): IAU 1982 GMST (sidereal.mean), IAU 1976 precession (Lieske zeta, z,
// theta in precess.Precessor), IAU 1980 nutation (nutation.nutation, 63 terms) with the IAU 1980
// mean obliquity, no frame bias (J2000 = FK5, taken as ICRS). All dates are JDE (TT) except the
// UT1 of sidereal time. Meeus measures azimuth from the south and longitude positive west; the
// adapter converts to the protocol's azimuth from north through east and east longitude.

import { createRequire } from 'node:module';
import { runAdapter } from '../common/abp.mjs';

// Only the modules the experiments use, each through the package's own subpath export (the same ES module
// files its index re-exports): importing the index would load and compile all ~60 of them in every process,
// and every timing round is a fresh process (docs/engine.md, "Adapter start-up").
const MODULES = ['sidereal', 'nutation', 'precess', 'coord', 'planetposition', 'elp', 'kepler', 'base', 'globe'];
let L;
try {
    const loaded = await Promise.all(MODULES.map((m) => import(`astronomia/${m}`)));
    L = Object.fromEntries(MODULES.map((m, i) => [m, loaded[i].default]));
} catch (e) {
    process.stderr.write(`astronomia is not installed next to adapter.mjs (run 'npm ci' in adapters/astronomia): ${e.message}\n`);
    process.exit(1);
}
const { sidereal, nutation, precess, coord, planetposition, elp, kepler, base, globe } = L;

const ADAPTER_VERSION = '1.0.0';
const J2000 = 2451545.0;
const TWO_PI = 2 * Math.PI;
const KM_PER_AU = 149597870.7;
const SEC_OF_TIME = TWO_PI / 86400;

const require = createRequire(import.meta.url);
function libraryVersion() {
    return require('./node_modules/astronomia/package.json').version;
}

// Series data is loaded on first use (synchronously, through the package's CommonJS build): one
// process serves one experiment, and loading every VSOP87 file would dominate short calls.
const loaded = new Map();
function data(name) {
    if (!loaded.has(name)) loaded.set(name, require(`astronomia/data/${name}`).default);
    return loaded.get(name);
}
const lazyPlanet = (name) => { let p; return () => (p ??= new planetposition.Planet(data(`vsop87B${name}`))); };

const norm2pi = (a) => { const r = a % TWO_PI; return r < 0 ? r + TWO_PI : r; };

// ---------------------------------------------------------------- 3x3 helpers (row-major arrays of rows)
const rx = (a) => { const c = Math.cos(a), s = Math.sin(a); return [[1, 0, 0], [0, c, s], [0, -s, c]]; };
const ry = (a) => { const c = Math.cos(a), s = Math.sin(a); return [[c, 0, -s], [0, 1, 0], [s, 0, c]]; };
const rz = (a) => { const c = Math.cos(a), s = Math.sin(a); return [[c, s, 0], [-s, c, 0], [0, 0, 1]]; };
const mul = (a, b) => a.map((row) => [0, 1, 2].map((j) => row[0] * b[0][j] + row[1] * b[1][j] + row[2] * b[2][j]));
const transpose = (m) => [0, 1, 2].map((i) => [m[0][i], m[1][i], m[2][i]]);
const apply = (m, v) => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);

// IAU 1976 precession J2000 -> epoch of date from the library's own angles: P = R3(-z) R2(theta) R3(-zeta).
function precessionMatrix(jde) {
    const p = new precess.Precessor(2000, base.JDEToJulianYear(jde));
    return mul(rz(-p.z), mul(ry(Math.atan2(p.sθ, p.cθ)), rz(-p.ζ)));
}

// IAU 1980 nutation: N = R1(-(eps + deps)) R3(-dpsi) R1(eps), eps the IAU 1980 mean obliquity of date.
function nutationMatrix(jde) {
    const [dpsi, deps] = nutation.nutation(jde);
    const eps = nutation.meanObliquity(jde);
    return mul(rx(-(eps + deps)), mul(rz(-dpsi), rx(eps)));
}

const EPS_J2000 = nutation.meanObliquity(J2000); // IAU 1980 (84381.448")

const rotations = {
    precession: (t) => precessionMatrix(t),
    inv_precession: (t) => transpose(precessionMatrix(t)),
    nutation: (t) => nutationMatrix(t),
    inv_nutation: (t) => transpose(nutationMatrix(t)),
    precession_nutation: (t) => mul(nutationMatrix(t), precessionMatrix(t)),
    inv_precession_nutation: (t) => transpose(mul(nutationMatrix(t), precessionMatrix(t))),
    obliquity: () => rx(EPS_J2000),
    inv_obliquity: () => rx(-EPS_J2000),
    icrs_ecl_tod: (t) => mul(rx(nutation.meanObliquity(t)), precessionMatrix(t)),
    inv_icrs_ecl_tod: (t) => transpose(mul(rx(nutation.meanObliquity(t)), precessionMatrix(t))),
};

const experiments = {};
for (const [name, make] of Object.entries(rotations)) {
    experiments[name] = {
        nIn: 4, nOut: 12, nFold: 3,
        compute(inp, out) {
            const m = make(inp[0]);
            const v = apply(m, [inp[1], inp[2], inp[3]]);
            out[0] = v[0]; out[1] = v[1]; out[2] = v[2];
            for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out[3 + 3 * r + c] = m[r][c];
        },
    };
}

const NO_BIAS = 'astronomia (Meeus) has no ICRS frame bias: J2000 is the FK5 mean equator and equinox';
for (const name of ['frame_bias', 'inv_frame_bias', 'bias_precession', 'inv_bias_precession', 'frame_rotation_bpn', 'inv_bpn',
    'icrs_ecl_j2000', 'inv_icrs_ecl_j2000'])
    experiments[name] = { nIn: 4, nOut: 12, skip: NO_BIAS + '; see precession, nutation and obliquity for its matrices without bias' };

// gmst_era: IAU 1982 GMST from UT1 (sidereal.mean, seconds of time); no Earth rotation angle.
experiments.gmst_era = {
    nIn: 2, nOut: 2, nFold: 1,
    compute(inp, out) {
        out[0] = norm2pi(sidereal.mean(inp[0]) * SEC_OF_TIME);
        out[1] = NaN;
    },
};

// equ_ecl: ICRS (taken as FK5 J2000) -> mean ecliptic and equinox of date, closure with the transpose.
function sphericalFrom(v) { return [norm2pi(Math.atan2(v[1], v[0])), Math.atan2(v[2], Math.hypot(v[0], v[1]))]; }
function unit(lon, lat) { return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)]; }
experiments.equ_ecl = {
    nIn: 3, nOut: 4, nFold: 4,
    compute(inp, out) {
        const t = inp[0];
        const ecl = new coord.Equatorial(...sphericalFrom(apply(precessionMatrix(t), unit(inp[1], inp[2])))).toEcliptic(nutation.meanObliquity(t));
        out[0] = norm2pi(ecl.lon); out[1] = ecl.lat;
        const equ = ecl.toEquatorial(nutation.meanObliquity(t));
        const back = sphericalFrom(apply(transpose(precessionMatrix(t)), unit(equ.ra, equ.dec)));
        out[2] = back[0]; out[3] = back[1];
    },
};

// equ_horizontal: apparent (ra, dec) of date -> az, alt with apparent sidereal time (IAU 1982 GMST + IAU 1980
// equation of the equinoxes, sidereal.apparent with the UT1 JD also used as JDE for the nutation).
experiments.equ_horizontal = {
    nIn: 6, nOut: 2, nFold: 2,
    compute(inp, out) {
        const st = sidereal.apparent(inp[0]);
        const hz = new coord.Equatorial(inp[2], inp[3]).toHorizontal(new globe.Coord(inp[4], -inp[5]), st);
        out[0] = norm2pi(hz.az + Math.PI);
        out[1] = hz.alt;
    },
};

// Sun and planets: VSOP87B heliocentric ecliptic J2000 (rectangular), geometric difference at the same TT,
// rotated to the FK5 J2000 equator by the IAU 1976 obliquity of J2000 (no light time, no aberration). The
// 0.09" VSOP87 -> FK5 rotation (planetposition.toFK5, Meeus 32.3) is applied to the geocentric direction.
const earth = lazyPlanet('earth');
function heliocentricXYZ(planet, jde) {
    const p = planet.position2000(jde);
    return [p.range * Math.cos(p.lat) * Math.cos(p.lon), p.range * Math.cos(p.lat) * Math.sin(p.lon), p.range * Math.sin(p.lat)];
}
function writeEquatorialFromEcliptic(v, jde, out) {
    const [lon, lat] = sphericalFrom(v);
    const fk5 = planetposition.toFK5(lon, lat, jde);
    const eq = apply(rx(-EPS_J2000), unit(fk5.lon, fk5.lat));
    const [ra, dec] = sphericalFrom(eq);
    out[0] = ra; out[1] = dec; out[2] = Math.hypot(v[0], v[1], v[2]);
}
function geometric(planet) {
    return {
        nIn: 1, nOut: 3, nFold: 3,
        compute(inp, out) {
            const e = heliocentricXYZ(earth(), inp[0]);
            const p = planet ? heliocentricXYZ(planet(), inp[0]) : [0, 0, 0];
            writeEquatorialFromEcliptic([p[0] - e[0], p[1] - e[1], p[2] - e[2]], inp[0], out);
        },
    };
}
experiments.solar_position = geometric(null);
for (const name of ['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune'])
    experiments[`${name}_position`] = geometric(lazyPlanet(name));

// Moon: ELP/MPP02 (DE405 fit) rectangular, inertial mean ecliptic and equinox of J2000, km.
let moon;
experiments.lunar_position = {
    nIn: 1, nOut: 3, nFold: 3,
    compute(inp, out) {
        const m = (moon ??= new elp.Moon(data('elpMppDe'))).positionXYZ(inp[0]);
        const eq = apply(rx(-EPS_J2000), [m.x / KM_PER_AU, m.y / KM_PER_AU, m.z / KM_PER_AU]);
        const [ra, dec] = sphericalFrom(eq);
        out[0] = ra; out[1] = dec; out[2] = Math.hypot(eq[0], eq[1], eq[2]);
    },
};

// kepler_solver: Meeus's iteration with a limiting function (kepler.kepler2a, eq. 30.7), 15 decimal places.
experiments.kepler_solver = {
    nIn: 2, nOut: 2, nFold: 2,
    compute(inp, out) {
        const [m, e] = inp;
        if (!(e >= 0 && e < 1) || !Number.isFinite(m)) { out[0] = out[1] = NaN; return; }
        const E = kepler.kepler2a(e, m, 15);
        out[0] = E;
        out[1] = E + Math.atan2(Math.sqrt(1 - e * e) * Math.sin(E), Math.cos(E) - e) - Math.atan2(Math.sin(E), Math.cos(E));
    },
};

// inv_equ_ecl: mean ecliptic of date -> equator of date (IAU 1980 mean obliquity) -> inverse IAU 1976
// precession to J2000 (taken as ICRS); closure with the forward path.
experiments.inv_equ_ecl = {
    nIn: 3, nOut: 4, nFold: 4,
    compute(inp, out) {
        const t = inp[0];
        const equ = new coord.Ecliptic(inp[1], inp[2]).toEquatorial(nutation.meanObliquity(t));
        const j2000 = sphericalFrom(apply(transpose(precessionMatrix(t)), unit(equ.ra, equ.dec)));
        out[0] = j2000[0]; out[1] = j2000[1];
        const back = new coord.Equatorial(...sphericalFrom(apply(precessionMatrix(t), unit(j2000[0], j2000[1])))).toEcliptic(nutation.meanObliquity(t));
        out[2] = norm2pi(back.lon); out[3] = back.lat;
    },
};

// horiz_to_equ: az (from north) alt -> ra dec of date with Horizontal.toEquatorial (Meeus 13.5/13.6
// inverted) and the apparent sidereal time, as equ_horizontal.
experiments.horiz_to_equ = {
    nIn: 6, nOut: 2, nFold: 2,
    compute(inp, out) {
        const st = sidereal.apparent(inp[0]);
        const eq = new coord.Horizontal(inp[2] - Math.PI, inp[3]).toEquatorial(new globe.Coord(inp[4], -inp[5]), st);
        out[0] = norm2pi(eq.ra);
        out[1] = eq.dec;
    },
};

runAdapter({
    versionLine: () => `astronomia-adapter ${ADAPTER_VERSION}; astronomia ${libraryVersion()} (node ${process.versions.node})`,
    experiments,
    dataVersions: () => [['vsop87', 'VSOP87B full series (astronomia/data vsop87B*)'], ['moon', 'ELP/MPP02 fitted to DE405 (astronomia/data elpMppDe)'],
        ['delta_t', 'none used (TT and UT1 are inputs)'], ['leap_seconds', 'none (no UTC support)']],
});
