namespace AstroBench.Core.Inputs;

/// <summary>
/// jd_ut1, jd_tt, a horizontal direction (azimuth from north through east, altitude) and an observer
/// (lat, east lon): zenith, horizon at the four cardinal points and a near-pole observer at each
/// edge epoch, then random.
/// </summary>
public sealed class HorizonInputs : EdgeThenRandomGenerator
{
    public override IReadOnlyList<string> Columns { get; } = ["jd_ut1", "jd_tt", "az_rad", "alt_rad", "lat_rad", "lon_rad"];

    protected override IReadOnlyList<double[]> EdgeCases { get; } = Epochs.Edges.SelectMany(ut1 => new double[][]
    {
        [ut1, ut1 + Epochs.TtMinusUt1Days, 0, Math.PI / 2, 0.7, 0.3],
        [ut1, ut1 + Epochs.TtMinusUt1Days, 0, 0, 0.7, 0.3],
        [ut1, ut1 + Epochs.TtMinusUt1Days, Math.PI / 2, 0, -0.6, 2.5],
        [ut1, ut1 + Epochs.TtMinusUt1Days, Math.PI, 0, 0.2, -1.2],
        [ut1, ut1 + Epochs.TtMinusUt1Days, 3 * Math.PI / 2, 0, 0, 0],
        [ut1, ut1 + Epochs.TtMinusUt1Days, 1.0, 0.3, 1.5706217938697834, 0.1],
    }).ToArray();

    protected override void RandomRow(SeededRandom random, Span<double> row) => ObserverSampling.RandomRow(random, row);
}
