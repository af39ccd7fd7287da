namespace AstroBench.Core.Protocol;

/// <summary>The adapter's output does not follow the protocol; the message says where.</summary>
public sealed class ProtocolException(string message) : Exception(message);
