using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AstroBench.Core.Inputs;

/// <summary>SHA-256 over the experiment id, column names and the exact IEEE-754 bits of every input.</summary>
public static class DatasetFingerprint
{
    public static string Compute(string experimentId, InputTable table)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(experimentId + "\n" + string.Join(',', table.Columns) + "\n"));
        Span<byte> buffer = stackalloc byte[8 * 512];
        var values = table.Values;
        for (var start = 0; start < values.Length; start += 512)
        {
            var count = Math.Min(512, values.Length - start);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(buffer.Slice(i * 8, 8), BitConverter.DoubleToInt64Bits(values[start + i]));
            }
            sha.AppendData(buffer[..(count * 8)]);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
