using System.Text.Json;
using AstroBench.Core.Results;

namespace AstroBench.Core.Experiments;

/// <summary>
/// The checked-in measurements (<c>Experiments/reference-uncertainty.json</c>, embedded; written by
/// <c>scripts/measure-reference-uncertainty.sh</c>). An experiment without an entry has no stated uncertainty:
/// shown as "not measured", and its results are ranked on their ratio alone.
/// </summary>
public static class ReferenceUncertaintyTable
{
    public const string SchemaId = "astrobench.reference-uncertainty/1";
    public const string ResourceName = "AstroBench.Core.Experiments.reference-uncertainty.json";

    /// <summary>The file's shape: a schema id and one entry per experiment.</summary>
    public sealed record Document(string Schema, IReadOnlyDictionary<string, ReferenceUncertainty> Experiments);

    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceUncertainty>> Embedded = new(Load);

    public static IReadOnlyDictionary<string, ReferenceUncertainty> All => Embedded.Value;

    public static ReferenceUncertainty? Find(string experiment) => All.GetValueOrDefault(experiment);

    public static Document Parse(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, ResultJson.Options)
            ?? throw new InvalidDataException("reference-uncertainty.json is empty");
        return doc.Schema == SchemaId ? doc : throw new InvalidDataException($"reference-uncertainty.json has schema '{doc.Schema}', expected {SchemaId}");
    }

    public static string Format(IReadOnlyDictionary<string, ReferenceUncertainty> entries) =>
        JsonSerializer.Serialize(new Document(SchemaId, new SortedDictionary<string, ReferenceUncertainty>(entries.ToDictionary(), StringComparer.Ordinal)), ResultJson.Options) + "\n";

    private static IReadOnlyDictionary<string, ReferenceUncertainty> Load()
    {
        using var stream = typeof(ReferenceUncertaintyTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd()).Experiments;
    }
}
