using Microsoft.AspNetCore.Http.Metadata;

namespace AstroBench.Server.Import;

/// <summary>
/// Endpoint metadata lifting the server-wide body limit (64 KiB: JSON bodies) for the one endpoint that takes a run
/// archive; the request-size middleware reads it through the standard <see cref="IRequestSizeLimitMetadata"/>.
/// </summary>
internal sealed class ImportBodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}
