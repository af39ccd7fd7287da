namespace AstroBench.Core.Import;

/// <summary>Copies at most the declared length: an entry whose data runs past its header's size is refused, not written.</summary>
internal static class CappedCopy
{
    public static long Copy(Stream from, Stream to, long declared, string name)
    {
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > declared)
            {
                throw new RunImportException(RunImportFailure.TooLarge, $"entry '{name}' holds more data than its declared {declared} bytes");
            }
            to.Write(buffer, 0, read);
        }
        return written;
    }

    public static byte[] ReadAll(Stream from, long declared)
    {
        using var memory = new MemoryStream();
        Copy(from, memory, declared, "manifest.json");
        return memory.ToArray();
    }
}
