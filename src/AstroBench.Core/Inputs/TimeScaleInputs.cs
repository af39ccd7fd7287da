namespace AstroBench.Core.Inputs;

/// <summary>
/// jd_utc and a stated ΔT = TT − UT1 in seconds. Edge cases sit on both sides of leap seconds
/// (1972-07-01, 2016-12-31/2017-01-01), at the start of the leap-second era (1972-01-01), in the
/// pre-1972 "rubber second" era (1960, 1968) and after the last leap second (2026); random cases
/// are uniform over 1972–2026 with ΔT uniform in 42–70 s.
/// </summary>
public sealed class TimeScaleInputs : EdgeThenRandomGenerator
{
    private const double Second = 1.0 / 86400.0;

    /// <summary>2017-01-01 0h UTC: the day after the leap second of 2016-12-31 23:59:60.</summary>
    public const double Jd2017 = 2457754.5;

    /// <summary>1972-01-01 0h UTC: the start of integer-second TAI − UTC (10 s).</summary>
    public const double Jd1972 = 2441317.5;

    public override IReadOnlyList<string> Columns { get; } = ["jd_utc", "delta_t_s"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
    [
        [Jd2017 - 1.5 * Second, 68.59], // 2016-12-31 23:59:58.5, before the leap second
        [Jd2017 - 0.5 * Second, 68.59], // 23:59:59.5 on the leap-second day
        [Jd2017 + 0.5 * Second, 68.59], // 2017-01-01 00:00:00.5, after it
        [Jd2017 - 0.5, 68.59],          // noon of the leap-second day
        [2441499.5 - 0.5 * Second, 42.23], // 1972-06-30 23:59:59.5, before the first leap second
        [2441499.5 + 0.5 * Second, 42.23], // 1972-07-01 00:00:00.5
        [Jd1972, 42.23],
        [Jd1972 - 0.5 * Second, 42.23],  // 1971-12-31, last instant of the rubber-second era
        [2436934.5, 33.15],              // 1960-01-01: TAI − UTC from the 1960s drift formula
        [2440000.5, 38.29],              // 1968-05-24
        [Epochs.J2000, 63.83],
        [2453750.892100694, 64.85],      // the t_utctai date (2006-01-15 21:24:37.5)
        [2461406.5, 69.5],               // 2027-01-01: beyond the table's last leap second
    ];

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = random.Uniform(Jd1972, 2461406.5);
        row[1] = random.Uniform(42, 70);
    }
}
