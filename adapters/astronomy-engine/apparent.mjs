// apparent.mjs - Astronomy Engine's side of issue 13's apparent_place and observed_horizontal
// (adapter.mjs installs these into its experiment table).
//
// A catalogue star is DefineStar(Star1, ra h, dec deg, distance ly); GeoVector(Star1, t, true) gives
// its geocentric EQJ direction with the library's aberration correction, and Rotation_EQJ_EQD its
// place of date (IAU 2006 precession, truncated IAU 2000B nutation). The library has no proper
// motion, radial velocity or light deflection, and no frame bias (EQJ is taken as ICRS): a star
// with any space motion is answered nan; a zero parallax becomes 1e6 ly (the library's minimum is 1).

const RAD_PER_HOUR = Math.PI / 12;
const DEG = 180 / Math.PI;
const LY_PER_PARSEC = 3.261563777;

function apparentOfDate(A, inp, time) {
    const px = inp[5];
    if (inp[3] !== 0 || inp[4] !== 0 || inp[6] !== 0) return null;
    A.DefineStar(A.Body.Star1, inp[1] / RAD_PER_HOUR, inp[2] * DEG, px > 0 ? Math.max(LY_PER_PARSEC / px, 1) : 1e6);
    const eqd = A.RotateVector(A.Rotation_EQJ_EQD(time), A.GeoVector(A.Body.Star1, time, true));
    return A.EquatorFromVector(eqd);
}

/**
 * @param experiments the adapter's table
 * @param A the astronomy-engine module
 * @param timeTT (jd_tt) -> AstroTime with the input TT
 * @param timeUT1 (jd_ut1, jd_tt) -> AstroTime with that UT1 and TT
 */
export function addApparentExperiments(experiments, A, timeTT, timeUT1) {
    const norm = (a) => { const r = a % (2 * Math.PI); return r < 0 ? r + 2 * Math.PI : r; };

    // apparent_place: jd_tt ra dec pmr pmd px rv -> apparent ra dec of date.
    experiments.apparent_place = {
        nIn: 7, nOut: 2, nFold: 2,
        compute(inp, out) {
            const e = apparentOfDate(A, inp, timeTT(inp[0]));
            out[0] = e ? norm(e.ra * RAD_PER_HOUR) : NaN;
            out[1] = e ? e.dec / DEG : NaN;
        },
    };

    // observed_horizontal: UT1 = UTC + dut1; TT from the library's own Espenak-Meeus Delta T (it has no
    // leap-second table); Horizon() with 'normal' refraction (Saemundsson, standard atmosphere: the
    // input pressure, temperature, humidity and wavelength are not used; no polar motion).
    experiments.observed_horizontal = {
        nIn: 17, nOut: 2, nFold: 2,
        compute(inp, out) {
            const jdUt1 = inp[0] + inp[7] / 86400;
            const jdTt = jdUt1 + A.DeltaT_EspenakMeeus(jdUt1 - 2451545) / 86400;
            const time = timeUT1(jdUt1, jdTt);
            const e = apparentOfDate(A, inp, time);
            if (!e) { out[0] = out[1] = NaN; return; }
            const hor = A.Horizon(time, new A.Observer(inp[9] * DEG, inp[8] * DEG, inp[10]), e.ra, e.dec, 'normal');
            out[0] = hor.azimuth / DEG;
            out[1] = hor.altitude / DEG;
        },
    };
}
