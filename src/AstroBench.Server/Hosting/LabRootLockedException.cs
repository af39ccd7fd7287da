namespace AstroBench.Server.Hosting;

/// <summary>A second server was started on a lab root another server holds (<see cref="LabRootLock"/>).</summary>
public sealed class LabRootLockedException(string message) : Exception(message);
