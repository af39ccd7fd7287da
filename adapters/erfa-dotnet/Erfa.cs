using System.Runtime.InteropServices;

namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>
/// liberfa through [LibraryImport], the way .NET astronomy software calls SOFA/ERFA. Native names are
/// kept (eraPnm06a) so a grep finds both sides; only blittable types cross the boundary: a 3×3
/// matrix is a pointer to 9 doubles, exactly the C layout of double[3][3].
/// </summary>
internal static unsafe partial class Erfa
{
    private const string Lib = "erfa";

    [LibraryImport(Lib)] public static partial void eraPnm06a(double date1, double date2, double* rbpn);
    [LibraryImport(Lib)] public static partial void eraRxp(double* r, double* p, double* rp);
    [LibraryImport(Lib)] public static partial double eraGmst06(double uta, double utb, double tta, double ttb);
    [LibraryImport(Lib)] public static partial double eraEra00(double dj1, double dj2);
    [LibraryImport(Lib)] public static partial void eraEqec06(double date1, double date2, double dr, double dd, double* dl, double* db);
    [LibraryImport(Lib)] public static partial void eraEceq06(double date1, double date2, double dl, double db, double* dr, double* dd);
    [LibraryImport(Lib)] public static partial double eraAnp(double a);
    [LibraryImport(Lib)] public static partial double eraGst06a(double uta, double utb, double tta, double ttb);
    [LibraryImport(Lib)] public static partial void eraHd2ae(double ha, double dec, double phi, double* az, double* el);
    [LibraryImport(Lib)] public static partial int eraEpv00(double date1, double date2, double* pvh, double* pvb);
    [LibraryImport(Lib)] public static partial void eraMoon98(double date1, double date2, double* pv);
    [LibraryImport(Lib)] public static partial void eraSxp(double s, double* p, double* sp);
    [LibraryImport(Lib)] public static partial void eraC2s(double* p, double* theta, double* phi);
    [LibraryImport(Lib)] public static partial double eraPm(double* p);
    [LibraryImport(Lib)] public static partial void eraBp06(double date1, double date2, double* rb, double* rp, double* rbp);
    [LibraryImport(Lib)] public static partial void eraNum06a(double date1, double date2, double* rmatn);
    [LibraryImport(Lib)] public static partial void eraRxr(double* a, double* b, double* atb);
    [LibraryImport(Lib)] public static partial void eraTr(double* r, double* rt);
    [LibraryImport(Lib)] public static partial void eraEcm06(double date1, double date2, double* rm);
    [LibraryImport(Lib)] public static partial void eraIr(double* r);
    [LibraryImport(Lib)] public static partial void eraRx(double phi, double* r);
    [LibraryImport(Lib)] public static partial double eraObl06(double date1, double date2);
    [LibraryImport(Lib)] public static partial nint eraVersion();
    [LibraryImport(Lib)] public static partial nint eraSofaVersion();

    public static string Version => $"liberfa {Marshal.PtrToStringAnsi(eraVersion())} (SOFA {Marshal.PtrToStringAnsi(eraSofaVersion())})";
}
