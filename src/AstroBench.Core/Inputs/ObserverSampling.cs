namespace AstroBench.Core.Inputs;

/// <summary>
/// The random row shared by the two observer experiments: jd_ut1, jd_tt, a direction uniform on the
/// sphere (longitude-like angle in [0, 2π), latitude-like angle by asin of a uniform), and an
/// observer uniform over the Earth's surface (lat, east lon).
/// </summary>
internal static class ObserverSampling
{
    public static void RandomRow(SeededRandom random, Span<double> row)
    {
        row[0] = Epochs.Random(random);
        row[1] = row[0] + Epochs.TtMinusUt1Days;
        row[2] = random.Uniform(0, 2 * Math.PI);
        row[3] = Math.Asin(random.Uniform(-1, 1));
        row[4] = Math.Asin(random.Uniform(-1, 1));
        row[5] = random.Uniform(-Math.PI, Math.PI);
    }
}
