using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AstroBench.Core.Tests.Import;

/// <summary>Zip archives built byte by byte where a normal writer would refuse: links, escaping names, lying sizes.</summary>
internal static class CraftedZips
{
    public const string RunId = "2026-03-04_05-06-07";
    public const string Manifest = """{"run_id":"2026-03-04_05-06-07","completeness":{"complete":true}}""";

    /// <summary>A zip of (name, content, unix mode or 0) entries; names are written exactly as given.</summary>
    public static byte[] Zip(params (string Name, string Content, int UnixMode)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return memory.ToArray();
    }

    /// <summary>A valid run: manifest and one result under a top folder named like the run (what /download gives).</summary>
    public static byte[] ValidRun(string runId = RunId) => Zip(
        ($"{runId}/manifest.json", Manifest.Replace(RunId, runId, StringComparison.Ordinal), 0),
        ($"{runId}/gmst_era/erfa.json", """{"experiment":"gmst_era","library":"erfa"}""", 0));

    /// <summary>
    /// <paramref name="zip"/> with the uncompressed size of entry <paramref name="name"/> rewritten to <paramref name="declared"/>
    /// in both its local header and its central-directory record, the data untouched: a header that lies.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zip, string name, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var sig = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (sig == 0x04034b50 && Matches(bytes, i + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)), nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            }
            else if (sig == 0x02014b50 && Matches(bytes, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)), nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
            }
        }
        return bytes;
    }

    private static bool Matches(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);
}
