namespace AstroBench.Core.Adapters;

public sealed class AdapterManifestException(string message, Exception? inner = null) : Exception(message, inner);
