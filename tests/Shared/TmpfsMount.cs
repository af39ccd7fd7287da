using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Tests.Shared;

/// <summary>
/// A real tmpfs of a fixed size mounted on a folder (CI runs as root), so a test can fill a file
/// system for real (ENOSPC) without touching the machine's disks. Mount failure fails the test with
/// the reason instead of skipping it. Dispose unmounts (lazily, so a process still inside cannot block it).
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <param name="inodes">When set, the file system holds at most this many files and folders (its root is one).</param>
    public static TmpfsMount Create(string path, long sizeBytes, int? inodes = null)
    {
        Directory.CreateDirectory(path);
        var size = "size=" + sizeBytes.ToString(CultureInfo.InvariantCulture)
            + (inodes is { } i ? ",nr_inodes=" + i.ToString(CultureInfo.InvariantCulture) : "");
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", size, "tmpfs", path);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"mounting a {sizeBytes}-byte tmpfs on {path} failed (exit {code}): {output.Trim()}. These tests need root (CI runs as root).");
        }
        return new TmpfsMount(path);
    }

    /// <summary>Writes zeros into <paramref name="file"/> until the file system refuses (ENOSPC); returns the bytes written.</summary>
    public static long Fill(string file)
    {
        var chunk = new byte[64 * 1024];
        long written = 0;
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        try
        {
            while (true)
            {
                stream.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // Full: the rest of a chunk that did not fit is what the partial write left.
        }
        for (var size = 4096; size > 0; size /= 2)
        {
            try
            {
                stream.Write(chunk.AsSpan(0, size));
                written += size;
            }
            catch (IOException)
            {
            }
        }
        return written;
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        try
        {
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
