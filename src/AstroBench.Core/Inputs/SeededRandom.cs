namespace AstroBench.Core.Inputs;

/// <summary>
/// xoshiro256** seeded through SplitMix64 (Blackman &amp; Vigna, 2018). Hand-rolled instead of
/// System.Random because the sequence for a seed must never change between .NET versions:
/// a dataset fingerprint is only meaningful if the generator is frozen.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = unchecked(ulong.RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A direction uniform on the unit sphere (z uniform in [-1,1], azimuth uniform).</summary>
    public (double X, double Y, double Z) UnitVector()
    {
        var z = Uniform(-1.0, 1.0);
        var phi = Uniform(0.0, 2.0 * Math.PI);
        var r = Math.Sqrt(Math.Max(0.0, 1.0 - z * z));
        return (r * Math.Cos(phi), r * Math.Sin(phi), z);
    }
}
