namespace AstroBench.Core.History;

/// <summary>
/// Reads run folders on every core while the caller writes what was read: runs are extracted a chunk at a time in
/// parallel, the next chunk while the caller consumes the current one, and handed out in the order of the ids. Memory
/// stays at two chunks however many runs there are (a rebuild of 10,000 runs never holds them all).
/// </summary>
internal static class ParallelExtraction
{
    public const int ChunkSize = 64;

    /// <summary>
    /// Folders read at once. A rebuild of a lab larger than the page cache waits on the disk for every result file (a
    /// 10,000-run lab is ~10 GB in 2.3 million files): one read per core left the disk's queue nearly empty, so reads
    /// are kept in flight beyond the cores; parsing still shares the cores.
    /// </summary>
    public static int Readers { get; } = Math.Clamp(Environment.ProcessorCount * 4, 8, 32);

    public static IEnumerable<IndexedRun> InOrder(IReadOnlyList<string> ids, Func<string, IndexedRun?> extract)
    {
        Task<IndexedRun?[]>? next = null;
        for (var start = 0; start < ids.Count; start += ChunkSize)
        {
            var chunk = next?.GetAwaiter().GetResult() ?? Read(ids, start, extract);
            var following = start + ChunkSize;
            next = following < ids.Count ? Task.Run(() => Read(ids, following, extract)) : null;
            foreach (var run in chunk)
            {
                if (run is not null)
                {
                    yield return run;
                }
            }
        }
    }

    private static IndexedRun?[] Read(IReadOnlyList<string> ids, int start, Func<string, IndexedRun?> extract) =>
        Enumerable.Range(start, Math.Min(ChunkSize, ids.Count - start)).AsParallel().AsOrdered().WithDegreeOfParallelism(Readers)
            .Select(i => extract(ids[i])).ToArray();
}
