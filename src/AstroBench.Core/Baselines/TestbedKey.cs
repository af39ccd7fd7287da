using System.Text.Json;
using System.Text.RegularExpressions;

namespace AstroBench.Core.Baselines;

/// <summary>
/// A run's testbed key as its manifest records it (<c>testbed.key</c>, 16 lowercase hex; docs/run-folder.md).
/// Runs written before testbeds existed, or with a malformed key, belong to <see cref="Unknown"/>: this reader
/// never computes a key itself, so it reads older and newer manifests alike.
/// </summary>
public static partial class TestbedKey
{
    public const string Unknown = "unknown";

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex KeyPattern();

    /// <summary>True for a 16-hex key or <see cref="Unknown"/>: the only values that may name a testbed in a request or a path.</summary>
    public static bool IsValid(string? key) => key is not null && (key == Unknown || KeyPattern().IsMatch(key));

    public static string Of(JsonElement? manifest)
    {
        if (manifest is { ValueKind: JsonValueKind.Object } m
            && m.TryGetProperty("testbed", out var t) && t.ValueKind == JsonValueKind.Object
            && t.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String
            && k.GetString() is { } key && KeyPattern().IsMatch(key))
        {
            return key;
        }
        return Unknown;
    }

    /// <summary>The optional human label (<c>testbed.label</c>), or null.</summary>
    public static string? LabelOf(JsonElement? manifest) =>
        manifest is { ValueKind: JsonValueKind.Object } m
        && m.TryGetProperty("testbed", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String
            ? l.GetString()
            : null;
}
