using System.Runtime.InteropServices;

namespace AstroBench.Adapters.ErfaDotnet;

/// <summary>The liberfa routines of the apparent-place, observed-place and time-scale experiments (adapters/erfa/erfa_apparent.c).</summary>
internal static unsafe partial class Erfa
{
    [LibraryImport(Lib)]
    public static partial void eraAtci13(double rc, double dc, double pr, double pd, double px, double rv, double date1, double date2,
        double* ri, double* di, double* eo);

    [LibraryImport(Lib)]
    public static partial int eraAtco13(double rc, double dc, double pr, double pd, double px, double rv, double utc1, double utc2,
        double dut1, double elong, double phi, double hm, double xp, double yp, double phpa, double tc, double rh, double wl,
        double* aob, double* zob, double* hob, double* dob, double* rob, double* eo);

    [LibraryImport(Lib)] public static partial int eraJd2cal(double dj1, double dj2, int* iy, int* im, int* id, double* fd);
    [LibraryImport(Lib)] public static partial int eraDat(int iy, int im, int id, double fd, double* deltat);
    [LibraryImport(Lib)] public static partial int eraTaitt(double tai1, double tai2, double* tt1, double* tt2);
    [LibraryImport(Lib)] public static partial double eraDtdb(double date1, double date2, double ut, double elong, double u, double v);

    /// <summary>erfaextra.h's eraLEAPSECOND: { int iyear, month; double delat; } (blittable, C layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LeapSecond
    {
        public int Year;
        public int Month;
        public double DeltaAt;
    }

    [LibraryImport(Lib)] public static partial int eraGetLeapSeconds(LeapSecond** table);
}
