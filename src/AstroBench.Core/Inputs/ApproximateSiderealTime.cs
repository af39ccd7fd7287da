namespace AstroBench.Core.Inputs;

/// <summary>
/// GMST from the Earth rotation angle plus the leading precession terms of the IAU 2006 GMST
/// (Capitaine et al. 2003): good to well under an arcsecond, enough to place generated objects
/// near the horizon. Scores never depend on it.
/// </summary>
public static class ApproximateSiderealTime
{
    public static double Gmst(double jdUt1)
    {
        var du = jdUt1 - Epochs.J2000;
        var era = 2 * Math.PI * (0.7790572732640 + 1.00273781191135448 * du);
        var t = du / 36525.0;
        var arcsec = 0.014506 + 4612.156534 * t + 1.3915817 * t * t;
        var gmst = era + arcsec * Math.PI / (180 * 3600);
        return gmst - 2 * Math.PI * Math.Floor(gmst / (2 * Math.PI));
    }
}
