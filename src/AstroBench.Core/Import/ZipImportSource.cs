using System.IO.Compression;

namespace AstroBench.Core.Import;

/// <summary>
/// The entries of a zip archive as <see cref="ImportEntry"/>s. The Unix file type sits in the high 16 bits of an
/// entry's external attributes (as Info-ZIP writes it): anything but a regular file or a folder — a symlink above all —
/// is special. Archives made without Unix attributes (type 0) count as regular files.
/// </summary>
public static class ZipImportSource
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    public static IReadOnlyList<ImportEntry> Entries(ZipArchive zip)
    {
        try
        {
            return zip.Entries.Select(e =>
            {
                var type = (e.ExternalAttributes >> 16) & TypeMask;
                var isDir = e.FullName.EndsWith('/') || type == Directory;
                return new ImportEntry(e.FullName, e.Length, isDir, type is not (0 or RegularFile or Directory), e.Open);
            }).ToList();
        }
        catch (InvalidDataException ex)
        {
            throw new RunImportException(RunImportFailure.BadArchive, "not a readable zip archive: " + ex.Message);
        }
    }
}
