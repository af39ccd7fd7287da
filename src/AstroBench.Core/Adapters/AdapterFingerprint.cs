using System.Security.Cryptography;

namespace AstroBench.Core.Adapters;

/// <summary>
/// A digest of what decides an adapter's answers: its <c>adapter.json</c> and every file of its run command
/// that lies in its folder (the built binary, the script). A rebuilt binary or an edited script changes it
/// even when the version string does not, so a resume can refuse to mix two builds in one run.
/// </summary>
public static class AdapterFingerprint
{
    public const string Prefix = "sha256:";

    public static string Compute(AdapterInfo adapter)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.GetFullPath(adapter.Directory) + Path.DirectorySeparatorChar;
        var files = new List<string> { Path.Combine(adapter.Directory, "adapter.json") };
        files.AddRange(adapter.ResolveCommand(adapter.Manifest.Run)
            .Select(token => Path.GetFullPath(Path.Combine(adapter.Directory, token)))
            .Where(path => path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path)));
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            // The name goes in too, so moving bytes from one file to another still changes the digest.
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(adapter.Directory, file) + "\0"));
            hash.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
