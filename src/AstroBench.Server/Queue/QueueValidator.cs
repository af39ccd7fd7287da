using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AstroBench.Server.Queue;

/// <summary>The queue's fields: priority −100..100 (integer), concurrency_key pattern; each rule a field message (422).</summary>
internal static partial class QueueValidator
{
    public const int MinPriority = -100;
    public const int MaxPriority = 100;
    public const int MaxKeyLength = 100;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")]
    private static partial Regex KeyPattern();

    public static readonly string PriorityMessage =
        string.Create(CultureInfo.InvariantCulture, $"priority must be an integer between {MinPriority} and {MaxPriority}.");

    /// <summary>The priority (default 0 when absent or null), or null with an error added.</summary>
    public static int? Priority(JsonElement? value, Dictionary<string, string[]> errors, bool required = false)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } v)
        {
            if (required)
            {
                Add(errors, "priority", "priority is required.");
                return null;
            }
            return 0;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var p) && p is >= MinPriority and <= MaxPriority)
        {
            return p;
        }
        Add(errors, "priority", PriorityMessage);
        return null;
    }

    public static string? Key(string? key, Dictionary<string, string[]> errors)
    {
        if (key is null)
        {
            return null;
        }
        if (key.Length > MaxKeyLength || !KeyPattern().IsMatch(key))
        {
            Add(errors, "concurrency_key",
                string.Create(CultureInfo.InvariantCulture, $"concurrency_key must be 1 to {MaxKeyLength} characters: letters, digits and . _ : / - (starting with a letter or digit)."));
        }
        return key;
    }

    public static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
}
