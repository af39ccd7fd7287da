namespace AstroBench.Core.History;

/// <summary>
/// Reads run folders on every core while the caller writes what was read: runs are extracted a chunk at a time in
/// parallel, the next chunk while the caller consumes the current one, and handed out in the order of the ids. Memory
/// stays at two chunks however many runs there are (a rebuild of 10,000 runs never holds them all).
/// </summary>
internal static class ParallelExtraction
{
    public const int ChunkSize = 64;

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
        Enumerable.Range(start, Math.Min(ChunkSize, ids.Count - start)).AsParallel().AsOrdered().Select(i => extract(ids[i])).ToArray();
}
