using System.Text.Json.Serialization;
using AstroBench.Core.Caching;
using AstroBench.Core.Experiments;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Results;

/// <summary>
/// Compile-time metadata of the files a run writes and reads back (results, manifest, checkpoint, reference-cache
/// entries, the remembered contention levels, the reference-uncertainty table), used by <see cref="ResultJson.Options"/> ahead of reflection. The
/// reflection resolver builds the same metadata at run time with <c>System.Reflection.Emit</c> accessors, each one
/// JIT-compiled: about a fifth of an n = 1,000 run's start-up (docs/engine.md, "Start-up and memory").
/// Metadata only: names, converters and null handling still come from <see cref="ResultJson.Options"/>, so every byte
/// written is the reflection path's.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LibraryResult))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(ReferenceCacheEntry))]
[JsonSerializable(typeof(RememberedLevels))]
[JsonSerializable(typeof(ReferenceUncertaintyTable.Document))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
