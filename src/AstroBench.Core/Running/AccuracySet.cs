using AstroBench.Core.Adapters;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// An experiment's inputs and every library's accuracy call, started at once, reference first (plan order);
/// the caller awaits them in that order, so each is reported as soon as it and those before it are done.
/// </summary>
public sealed record AccuracySet(InputTable Inputs, string Fingerprint, IReadOnlyList<Task<AccuracyCallResult>> Calls);

/// <summary>
/// One library's accuracy outputs; <see cref="Cached"/> when they came from the reference cache instead of a call;
/// <see cref="Shards"/>: how many requests made it (docs/engine.md, "Shards").
/// </summary>
public sealed record AccuracyCallResult(AdapterInfo Adapter, AdapterCallResult Call, CachedOutputs? Cached, int Shards = 1);
