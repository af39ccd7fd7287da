namespace AstroBench.Core.Adapters;

/// <summary>A discovered adapter: its manifest, folder, and whether it can run here (and why not).</summary>
public sealed record AdapterInfo(AdapterManifest Manifest, string Directory, bool Available, string? UnavailableReason)
{
    public string Name => Manifest.Name;

    public bool Supports(string experiment) => Manifest.Experiments.ContainsKey(experiment);

    /// <summary>The run command's argv with a relative program path resolved against the adapter folder.</summary>
    public IReadOnlyList<string> ResolveCommand(IReadOnlyList<string> argv) =>
        argv.Count == 0 ? argv : [ResolveProgram(argv[0]), .. argv.Skip(1)];

    private string ResolveProgram(string program) =>
        program.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(program)
            ? Path.GetFullPath(Path.Combine(Directory, program))
            : program;
}
