namespace AstroBench.Core.Results.Model;

/// <summary>
/// The closed set of model-parity values of a result (docs/run-folder.md): whether a comparison is
/// like-for-like or measures a model gap. Written into result files, read by the server and the web.
/// </summary>
public static class Parity
{
    /// <summary>The reference scored against itself (must be exactly 0).</summary>
    public const string Reference = "reference";

    /// <summary>Same model: differences are numerical.</summary>
    public const string ModelParity = "model-parity";

    /// <summary>Different models: differences (and speedups) measure a model gap.</summary>
    public const string ModelMismatch = "model-mismatch";

    /// <summary>Scored against an independent ephemeris.</summary>
    public const string ExternalReference = "external-reference";

    public static IReadOnlyList<string> All { get; } = [Reference, ModelParity, ModelMismatch, ExternalReference];
}
