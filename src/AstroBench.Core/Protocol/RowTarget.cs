namespace AstroBench.Core.Protocol;

/// <summary>
/// Where a response's rows are read into: a shard's part of its library's outputs (docs/engine.md, "Shards"), or a
/// new array of their own. One rule for every encoding's reader, so a shard joins the same way whatever the wire says.
/// </summary>
internal static class RowTarget
{
    /// <summary>The array the rows go into and the index of the first value; the segment must hold exactly <paramref name="count"/> values.</summary>
    public static (double[] Values, int At) Resolve(ArraySegment<double> into, int count) =>
        into.Array is null ? (new double[count], 0)
        : into.Count == count ? (into.Array, into.Offset)
        : throw new ArgumentException("the target holds another number of values", nameof(into));
}
