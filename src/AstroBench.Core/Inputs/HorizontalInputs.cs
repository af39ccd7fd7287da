namespace AstroBench.Core.Inputs;

/// <summary>
/// jd_ut1, jd_tt, an apparent (ra, dec) of date and an observer (lat, east lon). Edge cases place
/// the object at the zenith, the nadir, the celestial pole and within ~20″ of the horizon (east and
/// west), using an approximate sidereal time so the generator needs no astronomy library.
/// </summary>
public sealed class HorizontalInputs : EdgeThenRandomGenerator
{
    public override IReadOnlyList<string> Columns { get; } = ["jd_ut1", "jd_tt", "ra_rad", "dec_rad", "lat_rad", "lon_rad"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } = BuildEdges();

    private static double[][] BuildEdges()
    {
        var rows = new List<double[]>();
        foreach (var ut1 in Epochs.Edges)
        {
            rows.Add(Row(ut1, ha: 0, dec: 0.7, lat: 0.7, lon: 0.3));                      // zenith
            rows.Add(Row(ut1, ha: Math.PI / 2, dec: 0, lat: 0.7, lon: -1.2));               // setting, alt ≈ 0
            rows.Add(Row(ut1, ha: -Math.PI / 2, dec: 0, lat: -0.6, lon: 2.5));              // rising, alt ≈ 0
            rows.Add(Row(ut1, ha: 1.0, dec: Math.PI / 2, lat: 0.5, lon: 0));                // celestial north pole
            rows.Add(Row(ut1, ha: Math.PI, dec: -0.7, lat: 0.7, lon: 0.3));                 // nadir
            rows.Add(Row(ut1, ha: 0.4, dec: 0.2, lat: 1.5706217938697834, lon: 0.1));       // observer at 89.995°
        }
        return rows.ToArray();
    }

    private static double[] Row(double ut1, double ha, double dec, double lat, double lon)
    {
        var ra = ApproximateSiderealTime.Gmst(ut1) + lon - ha;
        ra = ra - 2 * Math.PI * Math.Floor(ra / (2 * Math.PI));
        return [ut1, ut1 + Epochs.TtMinusUt1Days, ra, dec, lat, lon];
    }

    protected override void RandomRow(SeededRandom random, Span<double> row) => ObserverSampling.RandomRow(random, row);
}
