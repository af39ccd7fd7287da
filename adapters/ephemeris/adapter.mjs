// adapter.mjs - AstroBench adapter (protocol "ABP 1", docs/adapter-protocol.md) for the ephemeris
// npm package (hemantgoswami/ephemeris, GPL-3.0): Steve Moshier's analytical ephemeris (PLAN404
// planetary tables fitted to DE404, his lunar theory), the engine of the package's default backend.
//
// The package's public API (getPlanet/getAllPlanets) returns apparent, topocentric-capable ecliptic
// longitudes of date from a Date in UTC with its own Delta T; the protocol wants geometric
// geocentric positions at a given TT. The adapter therefore calls the Moshier modules the backend
// itself uses (src/astronomy/moshier: kepler.calc for heliocentric J2000 rectangular positions,
// gplan.moon for the Moon, precess.calc), with date = { julian: jd_tt } so no Delta T enters.

import { createRequire } from 'node:module';
import { runAdapter } from '../common/abp.mjs';

const require = createRequire(import.meta.url);
let M;
try {
    const base = 'ephemeris/src/astronomy/moshier/';
    M = {
        body: require(base + 'body'), kepler: require(base + 'kepler'), gplan: require(base + 'gplan'),
        precess: require(base + 'precess'),
    };
} catch (e) {
    process.stderr.write(`ephemeris is not installed next to adapter.mjs (run 'npm ci' in adapters/ephemeris): ${e.message}\n`);
    process.exit(1);
}

const ADAPTER_VERSION = '1.0.0';
const TWO_PI = 2 * Math.PI;
const norm2pi = (a) => { const r = a % TWO_PI; return r < 0 ? r + TWO_PI : r; };

M.body.init();
M.kepler.init();

// Moshier's rect objects name the axes longitude/latitude/distance; they hold x/y/z.
function heliocentric(key, jd) {
    const rect = {};
    M.kepler.calc({ julian: jd }, M.body[key], rect, {});
    return [rect.longitude, rect.latitude, rect.distance];
}

function writePosition(v, out) {
    out[0] = norm2pi(Math.atan2(v[1], v[0]));
    out[1] = Math.atan2(v[2], Math.hypot(v[0], v[1]));
    out[2] = Math.hypot(v[0], v[1], v[2]);
}

function geometric(key) {
    return {
        nIn: 1, nOut: 3, nFold: 3,
        compute(inp, out) {
            const e = heliocentric('earth', inp[0]);
            const p = key ? heliocentric(key, inp[0]) : [0, 0, 0];
            writePosition([p[0] - e[0], p[1] - e[1], p[2] - e[2]], out);
        },
    };
}

const experiments = { solar_position: geometric(null) };
for (const name of ['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune'])
    experiments[`${name}_position`] = geometric(name);

// Moon: gplan.moon gives the geometric geocentric Moon on the mean equator and equinox of date (au);
// precess.calc(direction 1) takes it to J2000 with Moshier's (Williams 1994 / DE403) precession.
experiments.lunar_position = {
    nIn: 1, nOut: 3, nFold: 3,
    compute(inp, out) {
        const date = { julian: inp[0] };
        const rect = {};
        M.gplan.moon(date, rect, {});
        M.precess.calc(rect, date, 1);
        writePosition([rect.longitude, rect.latitude, rect.distance], out);
    },
};

const APPARENT_ONLY = 'ephemeris exposes Moshier apparent ecliptic longitudes of date for bodies only; its frame, ' +
    'sidereal-time and star-reduction routines are internal to the backend and mix UTC with its own Delta T';
const shapes = {
    frame_rotation_bpn: [4, 12], gmst_era: [2, 2], equ_ecl: [3, 4], equ_horizontal: [6, 2], kepler_solver: [2, 2],
    inv_equ_ecl: [3, 4], horiz_to_equ: [6, 2],
};
for (const name of ['frame_bias', 'inv_frame_bias', 'precession', 'inv_precession', 'nutation', 'inv_nutation', 'bias_precession',
    'inv_bias_precession', 'precession_nutation', 'inv_precession_nutation', 'inv_bpn', 'icrs_ecl_j2000', 'inv_icrs_ecl_j2000',
    'icrs_ecl_tod', 'inv_icrs_ecl_tod', 'obliquity', 'inv_obliquity']) shapes[name] = [4, 12];
for (const [name, [nIn, nOut]] of Object.entries(shapes)) experiments[name] = { nIn, nOut, skip: APPARENT_ONLY };

function libraryVersion() {
    return require('./node_modules/ephemeris/package.json').version;
}

runAdapter({
    versionLine: () => `ephemeris-adapter ${ADAPTER_VERSION}; ephemeris ${libraryVersion()} (Moshier PLAN404; node ${process.versions.node})`,
    experiments,
    dataVersions: () => [['ephemeris', 'Moshier PLAN404 analytical tables (DE404 fit), built into the package'],
        ['delta_t', 'none used (TT is the input)'], ['leap_seconds', 'none used']],
});
