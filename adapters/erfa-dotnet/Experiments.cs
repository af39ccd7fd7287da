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
    ];

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
