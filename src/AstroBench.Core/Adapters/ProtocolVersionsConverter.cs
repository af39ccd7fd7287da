using System.Text.Json;
using System.Text.Json.Serialization;

namespace AstroBench.Core.Adapters;

/// <summary>adapter.json's <c>protocol</c>: a single version (<c>1</c>, as every v1 manifest has it) or a list (<c>[1, 2]</c>).</summary>
internal sealed class ProtocolVersionsConverter : JsonConverter<IReadOnlyList<int>>
{
    public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return [reader.GetInt32()];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("'protocol' must be a version number or a list of them");
        }
        var versions = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            versions.Add(reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new JsonException("'protocol' lists version numbers"));
        }
        return versions;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            writer.WriteNumberValue(value[0]);
            return;
        }
        writer.WriteStartArray();
        foreach (var v in value)
        {
            writer.WriteNumberValue(v);
        }
        writer.WriteEndArray();
    }
}
