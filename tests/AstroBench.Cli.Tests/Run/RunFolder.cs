using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;

namespace AstroBench.Cli.Tests.Run;

/// <summary>Typed access to a published run folder.</summary>
internal sealed record RunFolder(string Path)
{
    public RunManifest Manifest => Read<RunManifest>("manifest.json");

    public LibraryResult Result(string experiment, string library) => Read<LibraryResult>(System.IO.Path.Combine(experiment, library + ".json"));

    public string Cases(string experiment) => File.ReadAllText(System.IO.Path.Combine(Path, experiment, "cases.csv"));

    private T Read<T>(string relative) => JsonSerializer.Deserialize<T>(File.ReadAllText(System.IO.Path.Combine(Path, relative)), ResultJson.Options)!;
}
