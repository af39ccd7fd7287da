namespace AstroBench.Core.Import;

/// <summary>The closed set of reasons an import is refused (the <c>code</c> of the 4xx answer; docs/publish-import.md).</summary>
public enum RunImportFailure
{
    /// <summary>Not a readable zip archive or folder.</summary>
    BadArchive,
    /// <summary>An entry whose path would leave the run folder (<c>../</c>, an absolute path, a drive letter, a backslash trick).</summary>
    UnsafePath,
    /// <summary>A symbolic link or another special file (device, fifo).</summary>
    Link,
    /// <summary>A file or the whole run above the size limits.</summary>
    TooLarge,
    /// <summary>More files than the limit.</summary>
    TooManyFiles,
    /// <summary>No manifest, a manifest that is not a JSON object, or no valid run id.</summary>
    BadSchema,
    /// <summary>A run of that id exists (or is being written): 409.</summary>
    Duplicate,
}
