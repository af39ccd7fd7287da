using System.Buffers.Binary;

namespace AstroBench.Core.History;

/// <summary>
/// Raw round samples as the index stores them: IEEE doubles, little-endian, 8 bytes each (exact, and read back
/// without parsing text: the regression scan reads 100 points × every series of a run).
/// </summary>
internal static class SampleBlob
{
    public static byte[] Encode(IReadOnlyList<double> samples)
    {
        var bytes = new byte[samples.Count * sizeof(double)];
        for (var i = 0; i < samples.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), samples[i]);
        }
        return bytes;
    }

    public static double[] Decode(ReadOnlySpan<byte> bytes)
    {
        var samples = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }
        return samples;
    }
}
