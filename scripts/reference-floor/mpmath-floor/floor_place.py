"""Apparent and observed place at 40 digits for the mpmath-floor instrument (docs/scoreboard.md).

The reference is eraAtci13 (apparent_place) and eraAtco13 (observed_horizontal). ERFA splits both into a star-
independent astrometry context (eraApci13 / eraApco13: IAU 2006/2000A precession-nutation, the Earth ephemeris
eraEpv00, refraction constants eraRefco) and the star's chain. The context's vectors and matrices are taken from
pyerfa (the same liberfa) as given inputs; their own double error is bounded separately by the pnm06a floor
(4.58e-8 mas). Everything else is evaluated here at 40 digits, written from the published formulas (SOFA
"Astrometry Tools" cookbook and the routines' documentation; Klioner 2003, AJ 125, 1580 for deflection and
aberration; IERS Conventions 2003 for s'), not from ERFA's code:

  space motion   p + dt pm - parallax x observer (dt with the Roemer delay), normalised      (iauPmpx)
  deflection     p + (2GM/c^2 e_m) p x (e x p) / max(p.(p+e), dlim)                             (iauLd/iauLdsun)
  aberration     bm1 p + (1 + p.v/(1+bm1)) v + (SRS/e_m)(v - (p.v) p), normalised             (iauAb, Klioner 2003 (7))
  rotation       the context's bias-precession-nutation matrix                                  (iauAtciq)
  observed       Earth rotation angle from its defining constants (UT1 from UTC + UT1-UTC), the local Earth
                 rotation angle and polar motion from Rz(elong) Rx(-yp) Ry(-xp) Rz(ERA + s'), then the CIRS ->
                 -HA,Dec -> Az,El rotations and refraction A tan z + B tan^3 z with its Newton-Raphson step and the
                 near-horizon clamps of iauAtioq (sin alt >= 0.05, cos alt >= 1e-6).
"""

import mpmath
from mpmath import mp, mpf

import floor_time

mp.dps = 40
J2000 = mpf(2451545)
TWO_PI = 2 * mp.pi
DAU = mpf(149597870700)          # au in m (IAU 2012)
CMPS = mpf(299792458)            # c in m/s
DAYSEC = mpf(86400)
DJY = mpf("365.25")
DJC = mpf(36525)
DAS2R = mp.pi / (180 * 3600)
SRS = mpf("1.97412574336e-8")   # Schwarzschild radius of the Sun in au, the reference's constant
KMS_TO_AU_PER_YEAR = 1000 * DAYSEC * DJY / DAU
AU_LIGHT_YEARS = DAU / CMPS / DAYSEC / DJY
ERA_0 = mpf("0.7790572732640")
ERA_RATE = mpf("1.00273781191135448")


def vec(a):
    return [mpf(float(x)) for x in a]


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a, b):
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]


def unit(a):
    r = mpmath.sqrt(dot(a, a))
    return [x / r for x in a]


def mat_vec(m, v):
    return [dot(row, v) for row in m]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def rot(axis, angle):
    """The frame rotation of iauRx/iauRy/iauRz: positive angle anticlockwise looking from the positive axis."""
    c, s = mpmath.cos(angle), mpmath.sin(angle)
    i, j = [(1, 2), (2, 0), (0, 1)][axis]
    m = [[mpf(int(r == k)) for k in range(3)] for r in range(3)]
    m[i][i], m[i][j], m[j][i], m[j][j] = c, s, -s, c
    return m


def s2c(a, b):
    return [mpmath.cos(a) * mpmath.cos(b), mpmath.sin(a) * mpmath.cos(b), mpmath.sin(b)]


def wrap(x):
    return x - TWO_PI * mpmath.floor(x / TWO_PI)


def cirs(star, ctx, pmt):
    """The star's chain of eraAtciq at 40 digits: (ra, dec) in the context's intermediate frame."""
    rc, dc, pr, pd, px, rv = (mpf(float(x)) for x in star)
    eb, eh, em, v, bm1 = vec(ctx["eb"]), vec(ctx["eh"]), mpf(float(ctx["em"])), vec(ctx["v"]), mpf(float(ctx["bm1"]))
    p = s2c(rc, dc)
    dt = pmt + dot(p, eb) * AU_LIGHT_YEARS
    pxr = px * DAS2R
    w = KMS_TO_AU_PER_YEAR * rv * pxr
    pm = [-pr * p[1] - pd * p[2] * mpmath.cos(rc) + w * p[0],
          pr * p[0] - pd * p[2] * mpmath.sin(rc) + w * p[1],
          pd * mpmath.cos(dc) + w * p[2]]
    p = unit([p[i] + dt * pm[i] - pxr * eb[i] for i in range(3)])
    # Light deflection by the Sun (the star at infinity: source direction = observed direction).
    dlim = mpf("1e-6") / max(em * em, mpf(1))
    k = SRS / em / max(dot(p, [p[i] + eh[i] for i in range(3)]), dlim)
    p = [p[i] + k * c for i, c in enumerate(cross(p, cross(eh, p)))]
    # Aberration, then the bias-precession-nutation rotation.
    pv = dot(p, v)
    w1 = 1 + pv / (1 + bm1)
    w2 = SRS / em
    p = unit([bm1 * p[i] + w1 * v[i] + w2 * (v[i] - pv * p[i]) for i in range(3)])
    x, y, z = mat_vec([vec(r) for r in ctx["bpn"]], p)
    ra = mpmath.atan2(y, x) if (x != 0 or y != 0) else mpf(0)
    return wrap(ra), mpmath.atan2(z, mpmath.sqrt(x * x + y * y))


def apparent_place(row, ctx, eo):
    """(ra, dec) of date: the CIRS place minus the context's equation of the origins."""
    jd = row[0]
    ri, di = cirs(row[1:7], ctx, (mpf(jd) - J2000) / DJY)
    return float(wrap(ri - mpf(float(eo)))), float(di)


def observed(row, ctx):
    """(az, alt) as eraAtco13: the chain above with the observer's context, then eraAtioq's steps."""
    jd_utc, dut1, elong, phi, xp, yp = row[0], row[7], row[8], row[9], row[11], row[12]
    d1, d2 = floor_time.split_utc(jd_utc)
    tai, dat0 = floor_time.utc_to_tai(d1, d2)
    tt = tai + floor_time.TT_MINUS_TAI / DAYSEC
    ut1 = tai + (mpf(dut1) - dat0) / DAYSEC
    theta = TWO_PI * mpmath.frac(ERA_0 + ERA_RATE * (ut1 - J2000))
    sp = mpf("-47e-6") * DAS2R * (tt - J2000) / DJC
    r = mat_mul(rot(2, mpf(elong)), mat_mul(rot(0, -mpf(yp)), mat_mul(rot(1, -mpf(xp)), rot(2, theta + sp))))
    eral = mpmath.atan2(r[0][1], r[0][0])
    xpl = mpmath.atan2(r[0][2], mpmath.sqrt(r[0][0] ** 2 + r[0][1] ** 2))
    ypl = -mpmath.atan2(r[1][2], r[2][2])
    ri, di = cirs(row[1:7], ctx, (tt - J2000) / DJY)
    # CIRS -> -HA,Dec (polar motion), diurnal aberration (the context's, 0 in eraApco13), -> Az,El (S=0, E=90).
    hd = mat_vec(mat_mul(rot(0, -ypl), rot(1, -xpl)), s2c(ri - eral, di))
    diurab = mpf(float(ctx["diurab"]))
    f = 1 - diurab * hd[1]
    hd = [f * hd[0], f * (hd[1] + diurab), f * hd[2]]
    xa, ya, za = mat_vec(rot(1, mp.pi / 2 - mpf(phi)), hd)
    az = mpmath.atan2(ya, -xa) if (xa != 0 or ya != 0) else mpf(0)
    # Refraction: A tan z + B tan^3 z with one Newton-Raphson step, cos/sin of altitude clamped near the horizon.
    cos_alt = max(mpmath.sqrt(xa * xa + ya * ya), mpf("1e-6"))
    sin_alt = max(za, mpf("0.05"))
    refa, refb = mpf(float(ctx["refa"])), mpf(float(ctx["refb"]))
    tz = cos_alt / sin_alt
    w = refb * tz * tz
    dz = (refa + w) * tz / (1 + (refa + 3 * w) / (sin_alt * sin_alt))
    cos_dz = 1 - dz * dz / 2
    f = cos_dz - dz * sin_alt / cos_alt
    xo, yo, zo = xa * f, ya * f, cos_dz * za + dz * cos_alt
    zd = mpmath.atan2(mpmath.sqrt(xo * xo + yo * yo), zo)
    return float(wrap(az)), float(mp.pi / 2 - zd)
