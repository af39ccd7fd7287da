namespace AstroBench.Core.Import;

/// <summary>
/// One file or folder of an import source, before any check: <see cref="Path"/> as the source names it (zip entry name
/// or relative path), its declared length, and whether it is a link or other special file.
/// </summary>
public sealed record ImportEntry(string Path, long Length, bool IsDirectory, bool IsSpecial, Func<Stream> Open);
