using System.Text.Json;
using System.Text.Json.Serialization;

namespace AstroBench.Core.Adapters;

/// <summary>
/// How <c>adapter.json</c> is read (snake_case, comments and trailing commas allowed), generated at compile time: the
/// reflection path spent most of the registry's load on building the manifest's metadata before the first file.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AdapterManifest))]
internal sealed partial class AdapterManifestJsonContext : JsonSerializerContext;
