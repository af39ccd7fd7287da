using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Testbeds;

/// <summary>
/// The machine a run was measured on (docs/history.md): its key is the first 16 lowercase hex characters of
/// SHA-256 over the canonical fields, the optional label included, so two labelled testbeds on the same
/// hardware never share a series. A run made by a Slurm job adds its partition and constraint (docs/slurm.md), so series of
/// different partitions never mix either; without them the canonical text (and so every local key) is what it always was.
/// Runs written before testbeds existed belong to <see cref="UnknownKey"/>.
/// </summary>
public sealed partial record Testbed(string Key, string? Label, string CpuModel, int Cores, string Os, string Runtime, string Compiler,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SlurmPartition = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SlurmConstraint = null)
{
    /// <summary>The testbed of a run whose manifest has no <c>testbed</c> field (older or foreign runs).</summary>
    public const string UnknownKey = "unknown";

    public const int MaxLabelLength = 64;

    /// <summary>Versions the canonical text: changing the fields hashed must change this, never silently the keys.</summary>
    private const string CanonicalPrefix = "astrobench.testbed/1";

    public static Testbed Create(string cpuModel, int cores, string os, string runtime, string compiler, string? label,
        string? slurmPartition = null, string? slurmConstraint = null) =>
        new(KeyOf(cpuModel, cores, os, runtime, compiler, label, slurmPartition, slurmConstraint), label, cpuModel, cores, os, runtime, compiler,
            slurmPartition, slurmConstraint);

    /// <summary>The testbed of a probed environment (the runtime is the orchestrator's .NET, which does the timing around adapters).</summary>
    public static Testbed Of(RunEnvironment environment, string? label) =>
        Create(environment.CpuModel, environment.Cores, environment.Os, environment.Dotnet, environment.Compiler, label,
            environment.SlurmPartition, environment.SlurmConstraint);

    /// <summary>
    /// One line per field, <c>name=value</c>, in a fixed order, values as written in the manifest (newlines in a
    /// value are escaped so no value can forge another field's line). <c>slurm_partition</c> and <c>slurm_constraint</c> follow
    /// only when set, so a run outside Slurm has the same text (and key) as before they existed.
    /// </summary>
    public static string CanonicalText(string cpuModel, int cores, string os, string runtime, string compiler, string? label,
        string? slurmPartition = null, string? slurmConstraint = null)
    {
        var sb = new StringBuilder(CanonicalPrefix).Append('\n');
        void Field(string name, string value) => sb.Append(name).Append('=').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        Field("cpu_model", cpuModel);
        Field("cores", cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field("os", os);
        Field("runtime", runtime);
        Field("compiler", compiler);
        Field("label", label ?? "");
        if (slurmPartition is not null)
        {
            Field("slurm_partition", slurmPartition);
        }
        if (slurmConstraint is not null)
        {
            Field("slurm_constraint", slurmConstraint);
        }
        return sb.ToString();
    }

    public static string KeyOf(string cpuModel, int cores, string os, string runtime, string compiler, string? label,
        string? slurmPartition = null, string? slurmConstraint = null)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(cpuModel, cores, os, runtime, compiler, label, slurmPartition, slurmConstraint)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>A label is a short name: letters, digits, '.', '_', '-' (it shows in URLs and file names of a published site).</summary>
    public static bool IsValidLabel(string label) => label.Length <= MaxLabelLength && LabelPattern().IsMatch(label);

    /// <summary>A testbed key as it travels in a query string: 16 lowercase hex characters, or <see cref="UnknownKey"/>.</summary>
    public static bool IsValidKey(string key) => key == UnknownKey || KeyPattern().IsMatch(key);

    /// <summary>The key of a run's testbed; <see cref="UnknownKey"/> when the manifest has none.</summary>
    public static string KeyOrUnknown(Testbed? testbed) => testbed?.Key ?? UnknownKey;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex KeyPattern();
}
