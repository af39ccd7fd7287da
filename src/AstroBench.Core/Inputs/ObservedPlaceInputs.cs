namespace AstroBench.Core.Inputs;

/// <summary>
/// The arguments of eraAtco13: jd_utc, an ICRS catalogue entry (as <see cref="ApparentPlaceInputs"/>),
/// UT1 − UTC, the observer (east longitude, geodetic latitude, height), polar motion and the
/// atmosphere (pressure hPa, temperature °C, relative humidity 0–1, wavelength µm). Edge cases: the
/// t_atco13 case, and stars placed at true altitudes 0°, 0.5°, 2°, 5°, 15° and at the zenith with an
/// approximate sidereal time (near-horizon refraction, where models part). Random cases: 1990–2030,
/// observers anywhere, heights 0–4000 m with the matching standard pressure, temperature −20…35 °C,
/// stars above −1° altitude with more weight near the horizon.
/// </summary>
public sealed class ObservedPlaceInputs : EdgeThenRandomGenerator
{
    private const double Deg = Math.PI / 180;

    public override IReadOnlyList<string> Columns { get; } =
    [
        "jd_utc", "ra_rad", "dec_rad", "pm_ra_rad_yr", "pm_dec_rad_yr", "parallax_arcsec", "rv_km_s", "dut1_s",
        "lon_rad", "lat_rad", "height_m", "xp_rad", "yp_rad", "pressure_hpa", "temperature_c", "humidity", "wavelength_um",
    ];

    protected override IReadOnlyList<double[]> EdgeCases { get; } = BuildEdges();

    private static double[][] BuildEdges()
    {
        var rows = new List<double[]>();
        // t_atco13
        rows.Add(
            [2456385.469254051, 2.71, 0.174, 1e-5, 5e-6, 0.1, 55.0, 0.1550675, -0.527800806, -1.2345856, 2738.0,
                2.47230737e-7, 1.82640464e-6, 731.0, 12.8, 0.59, 0.55]);
        foreach (var alt in new[] { 0.0, 0.5, 2, 5, 15, 90 })
        {
            rows.Add(Place(Epochs.J2000, alt * Deg, az: 100 * Deg, lat: 0.7, lon: 0.3, height: 0, pressure: 1013.25, temperature: 10));
        }
        rows.Add(Place(2460000.5, 1 * Deg, az: 250 * Deg, lat: -0.4, lon: -1.2, height: 2400, pressure: 760, temperature: -5));
        return rows.ToArray();
    }

    /// <summary>A star at true altitude <paramref name="alt"/> and azimuth <paramref name="az"/>, to ~0.1° (approximate GMST, no precession).</summary>
    private static double[] Place(double jdUtc, double alt, double az, double lat, double lon, double height, double pressure, double temperature)
    {
        var dec = Math.Asin(Math.Sin(lat) * Math.Sin(alt) + Math.Cos(lat) * Math.Cos(alt) * Math.Cos(az));
        var ha = Math.Atan2(-Math.Sin(az) * Math.Cos(alt), Math.Cos(lat) * Math.Sin(alt) - Math.Sin(lat) * Math.Cos(alt) * Math.Cos(az));
        var ra = ApproximateSiderealTime.Gmst(jdUtc) + lon - ha;
        ra -= 2 * Math.PI * Math.Floor(ra / (2 * Math.PI));
        return [jdUtc, ra, dec, 0, 0, 0, 0, 0, lon, lat, height, 0, 0, pressure, temperature, 0.5, 0.55];
    }

    protected override void RandomRow(SeededRandom random, Span<double> row)
    {
        var jd = random.Uniform(2447892.5, 2462502.5); // 1990–2030
        var lat = Math.Asin(random.Uniform(-1, 1));
        var lon = random.Uniform(-Math.PI, Math.PI);
        var height = random.Uniform(0, 4000);
        var u = random.NextDouble();
        var alt = (-1 + 91 * u * u) * Deg; // weighted towards the horizon
        var az = random.Uniform(0, 2 * Math.PI);
        var place = Place(jd, alt, az, lat, lon, height, 1013.25 * Math.Exp(-height / 8434.5), random.Uniform(-20, 35));
        place.CopyTo(row);
        row[7] = random.Uniform(-0.9, 0.9);
        row[11] = random.Uniform(-2.5e-6, 2.5e-6);
        row[12] = random.Uniform(-2.5e-6, 2.5e-6);
        row[15] = random.Uniform(0, 1);
    }
}
