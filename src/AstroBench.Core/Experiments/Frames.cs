namespace AstroBench.Core.Experiments;

/// <summary>
/// The frame names of the FROM × TO frame-pair view (docs/scoreboard.md). Non-frame quantities (an epoch, an
/// anomaly) are named the same way so every experiment has a from and a to.
/// </summary>
public static class Frames
{
    public const string Icrs = "ICRS";
    public const string MeanJ2000 = "mean J2000";
    public const string MeanOfDate = "mean of date";
    public const string TrueOfDate = "true of date";
    public const string EclipticJ2000 = "ecliptic J2000";
    public const string EclipticOfDate = "ecliptic of date";
    public const string ApparentOfDate = "apparent of date";
    public const string Horizontal = "horizontal";
    public const string Ut1 = "UT1";
    public const string SiderealAngle = "sidereal angle";
    public const string EpochTt = "epoch (TT)";
    public const string GeocentricIcrs = "geocentric ICRS";
    public const string MeanAnomaly = "mean anomaly";
    public const string TrueAnomaly = "true anomaly";
}
