using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Results.Reading;

namespace AstroBench.Cli.Tests.Run;

/// <summary>Typed access to a published run folder.</summary>
internal sealed record RunFolder(string Path)
{
    public RunManifest Manifest => Read<RunManifest>("manifest.json");

    public LibraryResult Result(string experiment, string library) => Read<LibraryResult>(System.IO.Path.Combine(experiment, library + ".json"));

    /// <summary>The experiment's cases file as bytes (for determinism checks).</summary>
    public byte[] CasesBytes(string experiment) => File.ReadAllBytes(CasesPath(experiment));

    /// <summary>The experiment's cases, every column whole, by name.</summary>
    public (IReadOnlyList<string> Columns, double[][] Values) Cases(string experiment) =>
        CasesParquetFile.ReadAllAsync(CasesPath(experiment)).GetAwaiter().GetResult();

    private string CasesPath(string experiment) => System.IO.Path.Combine(Path, experiment, CasesFiles.ParquetName);

    private T Read<T>(string relative) => JsonSerializer.Deserialize<T>(File.ReadAllText(System.IO.Path.Combine(Path, relative)), ResultJson.Options)!;
}
