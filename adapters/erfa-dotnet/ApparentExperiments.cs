namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>
/// apparent_place, observed_horizontal and time_scales: the same liberfa calls, in the same order and with the same date
/// splits, as adapters/erfa/erfa_apparent.c (UTC split at the preceding midnight, TT as (J2000, jd - J2000)).
/// </summary>
internal static unsafe class ApparentExperiments
{
    private const double J2000 = 2451545.0;
    private const double DaySec = 86400.0;

    public static readonly Experiment[] All =
    [
        new("apparent_place", 7, 2, 2, &ApparentPlace),
        new("observed_horizontal", 17, 2, 2, &ObservedHorizontal),
        new("time_scales", 2, 4, 4, &TimeScales),
    ];

    private static (double D1, double D2) SplitUtc(double jd)
    {
        var d1 = Math.Floor(jd - 0.5) + 0.5;
        return (d1, jd - d1);
    }

    // jd_tt ra dec pmr pmd px rv -> ra dec (true equator and equinox of date): eraAtci13's CIRS place minus eo.
    private static void ApparentPlace(double* i, double* o)
    {
        double ri, di, eo;
        Erfa.eraAtci13(i[1], i[2], i[3], i[4], i[5], i[6], J2000, i[0] - J2000, &ri, &di, &eo);
        o[0] = Erfa.eraAnp(ri - eo);
        o[1] = di;
    }

    // jd_utc ra dec pmr pmd px rv dut1 elong phi hm xp yp phpa tc rh wl -> az alt (alt = pi/2 - zob); nan when eraAtco13 fails.
    private static void ObservedHorizontal(double* i, double* o)
    {
        var (d1, d2) = SplitUtc(i[0]);
        double aob, zob, hob, dob, rob, eo;
        if (Erfa.eraAtco13(i[1], i[2], i[3], i[4], i[5], i[6], d1, d2, i[7], i[8], i[9], i[10], i[11], i[12], i[13], i[14], i[15], i[16],
                &aob, &zob, &hob, &dob, &rob, &eo) < 0)
        {
            o[0] = o[1] = double.NaN;
            return;
        }
        o[0] = aob;
        o[1] = Math.PI / 2 - zob;
    }

    // jd_utc delta_t_s -> tai_utc_s tt_tai_s tdb_tt_s ut1_utc_s: eraDat for the calendar date, eraTaitt, geocentric eraDtdb.
    private static void TimeScales(double* i, double* o)
    {
        var (u1, u2) = SplitUtc(i[0]);
        int iy, im, id;
        double fd, dat, t1, t2;
        if (Erfa.eraJd2cal(u1, u2, &iy, &im, &id, &fd) != 0 || Erfa.eraDat(iy, im, id, fd, &dat) < 0)
        {
            o[0] = o[1] = o[2] = o[3] = double.NaN;
            return;
        }
        var a2 = u2 + dat / DaySec;
        _ = Erfa.eraTaitt(u1, a2, &t1, &t2); // always 0: TAI to TT is a constant offset
        var ttTai = (t2 - a2) * DaySec;
        o[0] = dat;
        o[1] = ttTai;
        o[2] = Erfa.eraDtdb(t1, t2, u2, 0.0, 0.0, 0.0);
        o[3] = dat + ttTai - i[1];
    }

    /// <summary>"--data-versions": the leap-second table of the liberfa this process loaded (as the erfa adapter reports it).</summary>
    public static void PrintDataVersions()
    {
        Erfa.LeapSecond* table;
        var n = Erfa.eraGetLeapSeconds(&table);
        Console.WriteLine(n <= 0
            ? "leap_seconds: unavailable"
            : FormattableString.Invariant($"leap_seconds: {Erfa.Version} built-in table, {n} entries, last {table[n - 1].Year:0000}-{table[n - 1].Month:00}-01 TAI-UTC {table[n - 1].DeltaAt:0.0} s"));
        Console.WriteLine("eop: none (UT1-UTC and polar motion are inputs of the experiments)");
        Console.WriteLine("delta_t: none (TT-UT1 is an input of the experiments)");
    }
}
