using System.Globalization;

namespace AstroBench.Server.Execution.Limits;

/// <summary>A CPU list as taskset and /proc write it ("0", "0-1", "0,2-3"), checked against this machine's cores.</summary>
internal static class CpuSetSpec
{
    public const int MaxLength = 64;

    /// <summary>The error message for <paramref name="spec"/>, or null when it names only cores 0..<paramref name="cores"/>−1.</summary>
    public static string? Check(string spec, int cores)
    {
        var last = (cores - 1).ToString(CultureInfo.InvariantCulture);
        var shape = $"cpu_set must be a CPU list such as \"0\" or \"0-1\" with cores 0 to {last}.";
        if (spec.Length is 0 or > MaxLength)
        {
            return shape;
        }
        foreach (var part in spec.Split(','))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || !bounds.All(IsNumber))
            {
                return shape;
            }
            var lo = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var hi = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (lo > hi)
            {
                return shape;
            }
            if (hi >= cores)
            {
                return $"cpu_set names core {hi.ToString(CultureInfo.InvariantCulture)}; this machine has cores 0 to {last}.";
            }
        }
        return null;
    }

    private static bool IsNumber(string s) => s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit);
}
