using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using AstroBench.Core.Results;

namespace AstroBench.Core.Caching;

/// <summary>
/// Reference outputs reused across runs, under <c>results/.cache/reference/&lt;key&gt;/</c> (<c>entry.json</c> +
/// <c>outputs.bin</c>, little-endian doubles). A run stages its new entries under <c>.pending/&lt;run&gt;/</c> and
/// moves them in when it is published, so an entry always names a run that exists; a failed or cancelled run's
/// entries are dropped. Bounded: after each commit the least recently used entries (last hit or write, the
/// mtime of entry.json) go until the rest fit in <see cref="MaxBytes"/>. Readers never see half an entry: an
/// entry appears and disappears by one rename.
/// </summary>
public sealed class ReferenceCache(string root, long maxBytes)
{
    public const long DefaultMaxBytes = 1L << 30;
    private const string EntryFile = "entry.json";
    private const string OutputsFile = "outputs.bin";

    public string Root { get; } = root;

    public long MaxBytes { get; } = maxBytes;

    public static string RootFor(string resultsDir) => Path.Combine(resultsDir, ".cache", "reference");

    public ReferenceCacheHit? TryGet(string key, int rows, int columns)
    {
        var dir = Path.Combine(Root, key);
        try
        {
            var entry = JsonSerializer.Deserialize<ReferenceCacheEntry>(File.ReadAllBytes(Path.Combine(dir, EntryFile)), ResultJson.Options);
            if (entry is null || entry.Schema != ReferenceCacheEntry.SchemaId || entry.Rows != rows || entry.Columns != columns)
            {
                return null;
            }
            var outputs = ReadDoubles(Path.Combine(dir, OutputsFile), (long)rows * columns);
            if (outputs is null || Convert.ToHexStringLower(SHA256.HashData(AsBytes(outputs))) != entry.OutputsSha256)
            {
                return null;
            }
            File.SetLastWriteTimeUtc(Path.Combine(dir, EntryFile), DateTime.UtcNow);
            return new ReferenceCacheHit(key, entry.SourceRun, outputs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing, evicted while read, or unreadable: a miss; the reference is simply called.
            return null;
        }
    }

    /// <summary>Writes a new entry for <paramref name="runId"/>; it becomes visible when <see cref="Commit"/> is called for that run.</summary>
    public void Stage(string runId, ReferenceCacheEntry entry, string key, double[] outputs)
    {
        // Written and hashed from the array itself: no copy of tens of MB at n = 100,000 (docs/engine.md, "Start-up and memory").
        var bytes = AsBytes(outputs);
        var dir = Path.Combine(PendingDir(runId), key);
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, OutputsFile), bytes);
        File.WriteAllBytes(Path.Combine(dir, EntryFile),
            JsonSerializer.SerializeToUtf8Bytes(entry with { OutputsSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) }, ResultJson.Options));
    }

    /// <summary>Publishes the run's staged entries (an entry another run added meanwhile is kept), then evicts.</summary>
    public void Commit(string runId)
    {
        var pending = PendingDir(runId);
        if (!Directory.Exists(pending))
        {
            return;
        }
        foreach (var dir in Directory.EnumerateDirectories(pending))
        {
            var target = Path.Combine(Root, Path.GetFileName(dir));
            try
            {
                Directory.Move(dir, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
            }
        }
        Directory.Delete(pending, recursive: true);
        Evict();
    }

    public void Discard(string runId)
    {
        var pending = PendingDir(runId);
        if (Directory.Exists(pending))
        {
            Directory.Delete(pending, recursive: true);
        }
    }

    /// <summary>Removes least recently used entries until the cache fits in <see cref="MaxBytes"/>.</summary>
    public void Evict()
    {
        var entries = Directory.EnumerateDirectories(Root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => (Dir: d, Used: File.GetLastWriteTimeUtc(Path.Combine(d, EntryFile)), Bytes: SizeOf(d)))
            .OrderBy(e => e.Used).ThenBy(e => e.Dir, StringComparer.Ordinal)
            .ToList();
        var total = entries.Sum(e => e.Bytes);
        foreach (var (dir, _, bytes) in entries)
        {
            if (total <= MaxBytes)
            {
                break;
            }
            var trash = Path.Combine(Root, ".evicting-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.Move(dir, trash);
                Directory.Delete(trash, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Evicted by a concurrent run: it is gone either way.
            }
            total -= bytes;
        }
    }

    private string PendingDir(string runId) => Path.Combine(Root, ".pending", runId);

    private static long SizeOf(string dir)
    {
        try
        {
            return Directory.EnumerateFiles(dir).Sum(f => new FileInfo(f).Length);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static ReadOnlySpan<byte> AsBytes(double[] values) => BitConverter.IsLittleEndian
        ? MemoryMarshal.AsBytes(values.AsSpan())
        : throw new PlatformNotSupportedException("the reference cache stores little-endian doubles");

    /// <summary>The file's doubles read straight into their array, or null when its size is not <paramref name="count"/> doubles.</summary>
    private static double[]? ReadDoubles(string path, long count)
    {
        using var file = File.OpenHandle(path);
        if (RandomAccess.GetLength(file) != count * sizeof(double))
        {
            return null;
        }
        var values = new double[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        for (var read = 0; read < bytes.Length;)
        {
            var n = RandomAccess.Read(file, bytes[read..], read);
            if (n == 0)
            {
                return null;
            }
            read += n;
        }
        return BitConverter.IsLittleEndian ? values : throw new PlatformNotSupportedException("the reference cache stores little-endian doubles");
    }
}
