namespace AstroBench.Core.Inputs;

/// <summary>
/// jd_tt and an ICRS catalogue entry (ra, dec, proper motion dRA/dt and dDec/dt in rad per Julian
/// year, parallax in arcsec, radial velocity in km/s), the arguments of eraAtci13. Edge cases: the
/// t_atci13 star, the celestial and ecliptic poles, a star 1° and 5° from the Sun at J2000 (light
/// deflection of ~0.4″ and ~0.1″), a quasar-like source with no space motion. Random cases: half
/// with no space motion (distant sources), half with stellar proper motion (≤ 1″/yr), parallax
/// (≤ 0.5″) and radial velocity (±100 km/s); epochs 1900–2100.
/// </summary>
public sealed class ApparentPlaceInputs : EdgeThenRandomGenerator
{
    private const double MasPerYearToRadPerYear = Math.PI / (180 * 3600 * 1000);

    // The Sun at J2000 (TT): RA 281.2855°, Dec −23.0325° (geometric, to ~0.01°; enough to place a star near it).
    private const double SunRaJ2000 = 281.2855 * Math.PI / 180;
    private const double SunDecJ2000 = -23.0325 * Math.PI / 180;

    public override IReadOnlyList<string> Columns { get; } =
        ["jd_tt", "ra_rad", "dec_rad", "pm_ra_rad_yr", "pm_dec_rad_yr", "parallax_arcsec", "rv_km_s"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } =
    [
        [2456165.901182685, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0], // t_atci13
        [Epochs.J2000, 0, Math.PI / 2, 0, 0, 0, 0],
        [Epochs.J2000, 0, -Math.PI / 2, 0, 0, 0, 0],
        [Epochs.J2000, 3 * Math.PI / 2, Math.PI / 2 - 0.40909280422232897, 0, 0, 0, 0], // north ecliptic pole
        [Epochs.J2000, SunRaJ2000, SunDecJ2000 + Math.PI / 180, 0, 0, 0, 0],
        [Epochs.J2000, SunRaJ2000 + 5 * Math.PI / 180, SunDecJ2000, 0, 0, 0, 0],
        [Epochs.Jd1900, 1.0, 0.5, 0, 0, 0, 0],
        [Epochs.Jd2100, 4.0, -0.3, 0, 0, 0, 0],
        [Epochs.Jd2100, 1.7677, 0.6497, 1000 * MasPerYearToRadPerYear, -1000 * MasPerYearToRadPerYear, 0.5, -100], // fast nearby star
    ];

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = Epochs.Random(random);
        var (x, y, z) = random.UnitVector();
        var ra = Math.Atan2(y, x);
        row[1] = ra < 0 ? ra + 2 * Math.PI : ra;
        row[2] = Math.Asin(z);
        var moving = random.NextDouble() < 0.5;
        var cosDec = Math.Max(Math.Cos(row[2]), 0.05);
        row[3] = moving ? random.Uniform(-1000, 1000) * MasPerYearToRadPerYear / cosDec : 0;
        row[4] = moving ? random.Uniform(-1000, 1000) * MasPerYearToRadPerYear : 0;
        row[5] = moving ? random.Uniform(0, 0.5) : 0;
        row[6] = moving ? random.Uniform(-100, 100) : 0;
    }
}
