using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AstroBench.Core.Results;

/// <summary>
/// The one timestamp format of run folders, the job store and the API: ISO-8601 UTC with
/// milliseconds and <c>Z</c> (<c>2026-02-13T14:30:00.000Z</c>), as the original lab's clients read it.
/// </summary>
public static class UtcTimestamp
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>Writes every <see cref="DateTimeOffset"/> with <see cref="UtcTimestamp.Format"/>.</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UtcTimestamp.Parse(reader.GetString() ?? throw new JsonException("a timestamp string is required"));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UtcTimestamp.Format(value));
}
