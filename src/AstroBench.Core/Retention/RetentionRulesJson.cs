using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Core.Retention;

/// <summary>
/// The rules' one JSON shape (docs/retention.md): <c>keep_last</c>, <c>max_age_days</c>, <c>max_total_mb</c>,
/// <c>archive</c>, <c>archive_dir</c>, <c>logs_max_age_days</c>, <c>jobs_max_age_days</c>; null or absent = no limit.
/// <see cref="Parse"/> reports every problem per field (wrong type, fraction where a count is due, unknown field,
/// then <see cref="RetentionRules.Validate"/>), so a form can show each message beside its input.
/// </summary>
public static class RetentionRulesJson
{
    public static readonly IReadOnlyList<string> Fields =
        ["keep_last", "max_age_days", "max_total_mb", "archive", "archive_dir", "logs_max_age_days", "jobs_max_age_days"];

    public static JsonObject Format(RetentionRules rules) => new()
    {
        ["keep_last"] = rules.KeepLast,
        ["max_age_days"] = rules.MaxAgeDays,
        ["max_total_mb"] = rules.MaxTotalMb,
        ["archive"] = rules.Archive,
        ["archive_dir"] = rules.ArchiveDir,
        ["logs_max_age_days"] = rules.LogsMaxAgeDays,
        ["jobs_max_age_days"] = rules.JobsMaxAgeDays,
    };

    public static (RetentionRules? Rules, IReadOnlyDictionary<string, string[]> Errors) Parse(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["The body must be a JSON object of retention rules."];
            return (null, errors);
        }
        foreach (var p in body.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors[p.Name] = [$"Unknown field '{p.Name}'; the fields are {string.Join(", ", Fields)}."];
        }
        var rules = new RetentionRules(
            Integer(body, "keep_last", int.MaxValue, errors) is { } k ? (int)k : null,
            Number(body, "max_age_days", errors),
            Integer(body, "max_total_mb", long.MaxValue, errors),
            Bool(body, "archive", errors),
            Text(body, "archive_dir", errors),
            Number(body, "logs_max_age_days", errors),
            Number(body, "jobs_max_age_days", errors));
        foreach (var (field, messages) in rules.Validate().Where(e => !errors.ContainsKey(e.Key)))
        {
            errors[field] = messages;
        }
        return errors.Count == 0 ? (rules, errors) : (null, errors);
    }

    private static bool Present(JsonElement body, string name, out JsonElement value) =>
        body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static long? Integer(JsonElement body, string name, long max, Dictionary<string, string[]> errors)
    {
        if (!Present(body, name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n <= max)
        {
            return n;
        }
        errors[name] = [v.ValueKind == JsonValueKind.Number
            ? $"{name} must be a whole number; got {v.GetRawText()}."
            : $"{name} must be a whole number or null; got {Kind(v)}."];
        return null;
    }

    private static double? Number(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!Present(body, name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
        {
            return d;
        }
        errors[name] = [$"{name} must be a number of days or null; got {Kind(v)}."];
        return null;
    }

    private static bool Bool(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!Present(body, name, out var v))
        {
            return false;
        }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }
        errors[name] = [$"{name} must be true or false; got {Kind(v)}."];
        return false;
    }

    private static string? Text(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!Present(body, name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }
        errors[name] = [$"{name} must be a string or null; got {Kind(v)}."];
        return null;
    }

    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "a string \"" + Clip(v.GetString()!) + "\"",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => v.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Clip(string s) => s.Length > 32 ? s[..32] + "…" : s;
}
