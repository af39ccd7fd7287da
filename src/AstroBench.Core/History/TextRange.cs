namespace AstroBench.Core.History;

/// <summary>A UTF-8 text in a <see cref="HistoryPointBuffer"/>'s arena; a negative length is SQL NULL.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public static TextRange Null { get; } = new(0, -1);

    public bool IsNull => Length < 0;
}
