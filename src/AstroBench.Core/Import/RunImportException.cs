namespace AstroBench.Core.Import;

/// <summary>An import refused for <see cref="Failure"/>; the message is one readable line. Nothing was written.</summary>
public sealed class RunImportException(RunImportFailure failure, string message) : Exception(message)
{
    public RunImportFailure Failure { get; } = failure;

    /// <summary>The wire code: <c>unsafe_path</c>, <c>too_large</c>, … (snake_case of <see cref="Failure"/>).</summary>
    public string Code => Failure switch
    {
        RunImportFailure.BadArchive => "bad_archive",
        RunImportFailure.UnsafePath => "unsafe_path",
        RunImportFailure.Link => "link",
        RunImportFailure.TooLarge => "too_large",
        RunImportFailure.TooManyFiles => "too_many_files",
        RunImportFailure.BadSchema => "bad_schema",
        _ => "duplicate",
    };
}
