using AstroBench.Core.Results.Reading;

namespace AstroBench.Core.History;

/// <summary>A run as the index lists it: the reader's summary, its bytes on disk (measured when indexed) and its testbed key.</summary>
public sealed record IndexedRunListing(RunSummary Summary, long Bytes, string TestbedKey);
