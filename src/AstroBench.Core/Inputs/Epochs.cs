namespace AstroBench.Core.Inputs;

/// <summary>Epochs used by the generators, as Julian Dates.</summary>
public static class Epochs
{
    public const double J2000 = 2451545.0;

    /// <summary>1900 January 1, 0h.</summary>
    public const double Jd1900 = 2415020.5;

    /// <summary>2100 January 1, 0h.</summary>
    public const double Jd2100 = 2488069.5;

    /// <summary>
    /// TT − UT1 used for every generated case: 69.184 s (32.184 s + 37 leap seconds, the value
    /// around 2017–2026). Inputs are synthetic; the value only enters the tiny TT terms of GMST/GAST.
    /// </summary>
    public const double TtMinusUt1Days = 69.184 / 86400.0;

    public static readonly double[] Edges = [J2000, Jd1900, Jd2100];

    public static double Random(SeededRandom random) => random.Uniform(Jd1900, Jd2100);
}
