namespace AstroBench.Server.Storage;

/// <summary>
/// Test hook for the crash test (docs/retention.md): when env <c>ASTROBENCH_SWEEP_HOLD_DIR</c> is set, a sweep
/// that has just renamed a run into the trash creates <c>&lt;dir&gt;/&lt;run_id&gt;.held</c> and waits until
/// <c>&lt;dir&gt;/&lt;run_id&gt;.go</c> exists, so a test can <c>kill -9</c> the server at exactly that point.
/// Unset (always, outside that test) it costs nothing.
/// </summary>
internal static class RetentionHold
{
    public const string EnvVar = "ASTROBENCH_SWEEP_HOLD_DIR";

    public static Action<string>? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } dir ? runId => Hold(dir, runId) : null;

    private static void Hold(string dir, string runId)
    {
        File.WriteAllText(Path.Combine(dir, runId + ".held"), "");
        var go = Path.Combine(dir, runId + ".go");
        while (!File.Exists(go))
        {
            // A test-only wait in a sweep thread: polling a file is the hook's whole contract.
            Thread.Sleep(20);
        }
    }
}
