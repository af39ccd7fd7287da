namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>One experiment: its column counts and the computation of one case (same ERFA calls, in the same order, as adapters/erfa).</summary>
internal sealed unsafe class Experiment(string name, int inputs, int outputs, int fold, delegate*<double*, double*, void> compute)
{
    public string Name { get; } = name;
    public int Inputs { get; } = inputs;
    public int Outputs { get; } = outputs;

    /// <summary>Leading outputs folded into the perf sink.</summary>
    public int Fold { get; } = fold;

    public delegate*<double*, double*, void> Compute { get; } = compute;
}

internal static unsafe class Experiments
{
    private const double J2000 = 2451545.0;

    public static readonly Experiment[] All =
    [
        new("frame_rotation_bpn", 4, 12, 3, &FrameRotationBpn),
        new("gmst_era", 2, 2, 2, &GmstEra),
        new("equ_ecl", 3, 4, 4, &EquEcl),
        new("equ_horizontal", 6, 2, 2, &EquHorizontal),
        new("solar_position", 1, 3, 3, &SolarPosition),
        new("lunar_position", 1, 3, 3, &LunarPosition),
        new("frame_bias", 4, 12, 3, &FrameBias),
        new("inv_frame_bias", 4, 12, 3, &InvFrameBias),
        new("precession", 4, 12, 3, &Precession),
        new("inv_precession", 4, 12, 3, &InvPrecession),
        new("bias_precession", 4, 12, 3, &BiasPrecession),
        new("inv_bias_precession", 4, 12, 3, &InvBiasPrecession),
        new("nutation", 4, 12, 3, &Nutation),
        new("inv_nutation", 4, 12, 3, &InvNutation),
        new("precession_nutation", 4, 12, 3, &PrecessionNutation),
        new("inv_precession_nutation", 4, 12, 3, &InvPrecessionNutation),
        new("inv_bpn", 4, 12, 3, &InvBpn),
        new("icrs_ecl_j2000", 4, 12, 3, &IcrsEclJ2000),
        new("inv_icrs_ecl_j2000", 4, 12, 3, &InvIcrsEclJ2000),
        new("icrs_ecl_tod", 4, 12, 3, &IcrsEclTod),
        new("inv_icrs_ecl_tod", 4, 12, 3, &InvIcrsEclTod),
        new("obliquity", 4, 12, 3, &Obliquity),
        new("inv_obliquity", 4, 12, 3, &InvObliquity),
        .. ApparentExperiments.All,
    ];

    // Direction transforms: the same matrices as adapters/erfa (docs/adapter-protocol.md), rotated with
    // eraRxp and emitted with the matrix; inverses use eraTr, exactly like the C adapter.
    private static void RotateAndEmit(double* r, double* input, double* output)
    {
        Erfa.eraRxp(r, input + 1, output);
        for (var k = 0; k < 9; k++)
        {
            output[3 + k] = r[k];
        }
    }

    private static void RotateAndEmitTransposed(double* r, double* input, double* output)
    {
        var rt = stackalloc double[9];
        Erfa.eraTr(r, rt);
        RotateAndEmit(rt, input, output);
    }

    /// <summary>rb, rp or rbp of eraBp06 (which = 0, 1, 2).</summary>
    private static void Bp06(double* input, double* output, int which, bool inverse)
    {
        var m = stackalloc double[27];
        Erfa.eraBp06(J2000, input[0] - J2000, m, m + 9, m + 18);
        if (inverse)
        {
            RotateAndEmitTransposed(m + 9 * which, input, output);
        }
        else
        {
            RotateAndEmit(m + 9 * which, input, output);
        }
    }

    private static void FrameBias(double* i, double* o) => Bp06(i, o, 0, false);
    private static void InvFrameBias(double* i, double* o) => Bp06(i, o, 0, true);
    private static void Precession(double* i, double* o) => Bp06(i, o, 1, false);
    private static void InvPrecession(double* i, double* o) => Bp06(i, o, 1, true);
    private static void BiasPrecession(double* i, double* o) => Bp06(i, o, 2, false);
    private static void InvBiasPrecession(double* i, double* o) => Bp06(i, o, 2, true);

    private static void Nutation(double* input, double* output)
    {
        var rn = stackalloc double[9];
        Erfa.eraNum06a(J2000, input[0] - J2000, rn);
        RotateAndEmit(rn, input, output);
    }

    private static void InvNutation(double* input, double* output)
    {
        var rn = stackalloc double[9];
        Erfa.eraNum06a(J2000, input[0] - J2000, rn);
        RotateAndEmitTransposed(rn, input, output);
    }

    private static void PnMatrix(double jdTt, double* rnp)
    {
        var m = stackalloc double[36];
        Erfa.eraBp06(J2000, jdTt - J2000, m, m + 9, m + 18);
        Erfa.eraNum06a(J2000, jdTt - J2000, m + 27);
        Erfa.eraRxr(m + 27, m + 9, rnp);
    }

    private static void PrecessionNutation(double* input, double* output)
    {
        var rnp = stackalloc double[9];
        PnMatrix(input[0], rnp);
        RotateAndEmit(rnp, input, output);
    }

    private static void InvPrecessionNutation(double* input, double* output)
    {
        var rnp = stackalloc double[9];
        PnMatrix(input[0], rnp);
        RotateAndEmitTransposed(rnp, input, output);
    }

    private static void InvBpn(double* input, double* output)
    {
        var rbpn = stackalloc double[9];
        Erfa.eraPnm06a(J2000, input[0] - J2000, rbpn);
        RotateAndEmitTransposed(rbpn, input, output);
    }

    private static void Ecm06(double* input, double* output, double date2, bool inverse)
    {
        var rm = stackalloc double[9];
        Erfa.eraEcm06(J2000, date2, rm);
        if (inverse)
        {
            RotateAndEmitTransposed(rm, input, output);
        }
        else
        {
            RotateAndEmit(rm, input, output);
        }
    }

    private static void IcrsEclJ2000(double* i, double* o) => Ecm06(i, o, 0.0, false);
    private static void InvIcrsEclJ2000(double* i, double* o) => Ecm06(i, o, 0.0, true);
    private static void IcrsEclTod(double* i, double* o) => Ecm06(i, o, i[0] - J2000, false);
    private static void InvIcrsEclTod(double* i, double* o) => Ecm06(i, o, i[0] - J2000, true);

    private static void ObliquityRotation(double* input, double* output, double sign)
    {
        var r = stackalloc double[9];
        Erfa.eraIr(r);
        Erfa.eraRx(sign * Erfa.eraObl06(J2000, 0.0), r);
        RotateAndEmit(r, input, output);
    }

    private static void Obliquity(double* i, double* o) => ObliquityRotation(i, o, 1.0);
    private static void InvObliquity(double* i, double* o) => ObliquityRotation(i, o, -1.0);

    private static void FrameRotationBpn(double* input, double* output)
    {
        var rbpn = stackalloc double[9];
        Erfa.eraPnm06a(J2000, input[0] - J2000, rbpn);
        Erfa.eraRxp(rbpn, input + 1, output);
        for (var k = 0; k < 9; k++)
        {
            output[3 + k] = rbpn[k];
        }
    }

    private static void GmstEra(double* input, double* output)
    {
        output[0] = Erfa.eraGmst06(J2000, input[0] - J2000, J2000, input[1] - J2000);
        output[1] = Erfa.eraEra00(J2000, input[0] - J2000);
    }

    private static void EquEcl(double* input, double* output)
    {
        double lon, lat, ra, dec;
        Erfa.eraEqec06(J2000, input[0] - J2000, input[1], input[2], &lon, &lat);
        Erfa.eraEceq06(J2000, input[0] - J2000, lon, lat, &ra, &dec);
        output[0] = Erfa.eraAnp(lon);
        output[1] = lat;
        output[2] = Erfa.eraAnp(ra);
        output[3] = dec;
    }

    private static void EquHorizontal(double* input, double* output)
    {
        double az, alt;
        var gst = Erfa.eraGst06a(J2000, input[0] - J2000, J2000, input[1] - J2000);
        var ha = gst + input[5] - input[2];
        Erfa.eraHd2ae(ha, input[3], input[4], &az, &alt);
        output[0] = az;
        output[1] = alt;
    }

    private static void SolarPosition(double* input, double* output)
    {
        var pvh = stackalloc double[6];
        var pvb = stackalloc double[6];
        var sun = stackalloc double[3];
        double ra, dec;
        _ = Erfa.eraEpv00(J2000, input[0] - J2000, pvh, pvb); // status +1 only warns outside 1900–2100
        Erfa.eraSxp(-1.0, pvh, sun);
        Erfa.eraC2s(sun, &ra, &dec);
        output[0] = Erfa.eraAnp(ra);
        output[1] = dec;
        output[2] = Erfa.eraPm(sun);
    }

    private static void LunarPosition(double* input, double* output)
    {
        var pv = stackalloc double[6];
        double ra, dec;
        Erfa.eraMoon98(J2000, input[0] - J2000, pv);
        Erfa.eraC2s(pv, &ra, &dec);
        output[0] = Erfa.eraAnp(ra);
        output[1] = dec;
        output[2] = Erfa.eraPm(pv);
    }
}
