namespace AstroBench.Core.Numerics;

/// <summary>Angle units and the few vector formulas every metric shares.</summary>
public static class Angles
{
    public const double ArcsecPerRad = 180.0 / Math.PI * 3600.0;
    public const double MasPerRad = ArcsecPerRad * 1000.0;
    public const double TwoPi = 2.0 * Math.PI;

    /// <summary>IAU 2012 astronomical unit (Resolution B2), in km.</summary>
    public const double KmPerAu = 149_597_870.7;

    /// <summary>Wraps an angle difference to (−π, π].</summary>
    public static double WrapPi(double a)
    {
        var w = Math.IEEERemainder(a, TwoPi);
        return w <= -Math.PI ? w + TwoPi : w;
    }

    public static (double X, double Y, double Z) ToUnitVector(double lon, double lat)
    {
        var c = Math.Cos(lat);
        return (c * Math.Cos(lon), c * Math.Sin(lon), Math.Sin(lat));
    }

    /// <summary>
    /// Angle between two vectors as atan2(|a×b|, a·b): well conditioned for tiny angles, unlike
    /// acos of a dot product, which cannot resolve much below 10 mas in double precision.
    /// </summary>
    public static double Between(double ax, double ay, double az, double bx, double by, double bz)
    {
        var cx = ay * bz - az * by;
        var cy = az * bx - ax * bz;
        var cz = ax * by - ay * bx;
        var cross = Math.Sqrt(cx * cx + cy * cy + cz * cz);
        var dot = ax * bx + ay * by + az * bz;
        return Math.Atan2(cross, dot);
    }

    public static double BetweenSpherical(double lon1, double lat1, double lon2, double lat2)
    {
        var a = ToUnitVector(lon1, lat1);
        var b = ToUnitVector(lon2, lat2);
        return Between(a.X, a.Y, a.Z, b.X, b.Y, b.Z);
    }
}
