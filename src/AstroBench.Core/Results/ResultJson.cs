using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AstroBench.Core.Results;

/// <summary>The one JSON setup for result files: snake_case, indented, NaN/±Inf written as null (JSON has no NaN), timestamps as <see cref="UtcTimestamp"/>.</summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            DictionaryKeyPolicy = null,
            // The run's own files from compile-time metadata (no reflection warm-up); any other type as before.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ResultJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new NonFiniteAsNullConverter());
        options.Converters.Add(new NullableNonFiniteAsNullConverter());
        options.Converters.Add(new UtcTimestampJsonConverter());
        return options;
    }

    private sealed class NonFiniteAsNullConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class NullableNonFiniteAsNullConverter : JsonConverter<double?>
    {
        public override bool HandleNull => true;

        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v && double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
