using System.Security.Cryptography;
using System.Text;

namespace AstroBench.Core.Caching;

/// <summary>
/// What a reference's outputs depend on: the experiment, the exact inputs (dataset fingerprint), the adapter's
/// name and version line, and its build hash (<see cref="Adapters.AdapterFingerprint"/>: adapter.json plus the
/// built program), so a rebuilt adapter never reuses the old build's outputs.
/// </summary>
public static class ReferenceCacheKey
{
    public static string Compute(string experiment, string datasetFingerprint, string adapter, string version, string build, int columns)
    {
        var text = string.Join('\0', experiment, datasetFingerprint, adapter, version, build, columns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
