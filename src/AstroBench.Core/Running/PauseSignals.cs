using System.Runtime.InteropServices;

namespace AstroBench.Core.Running;

/// <summary>
/// The orchestrator's pause signals (docs/checkpoints.md): SIGUSR1 pauses at the next experiment boundary,
/// SIGUSR2 pauses at once. Send them to the orchestrator's pid, never to its process group: the adapters in
/// that group do not handle them, and their default action (terminate) would fail the experiment.
/// </summary>
public static class PauseSignals
{
    /// <summary>Linux numbers; <see cref="PosixSignalRegistration"/> takes raw values cast to <see cref="PosixSignal"/>.</summary>
    public const int SigUsr1 = 10;
    public const int SigUsr2 = 12;

    public static IDisposable Register(PauseRequest pause)
    {
        var boundary = PosixSignalRegistration.Create((PosixSignal)SigUsr1, c => On(c, pause, PauseMode.Boundary));
        var now = PosixSignalRegistration.Create((PosixSignal)SigUsr2, c => On(c, pause, PauseMode.Now));
        return new Both(boundary, now);
    }

    private static void On(PosixSignalContext context, PauseRequest pause, PauseMode mode)
    {
        context.Cancel = true;
        pause.Request(mode);
    }

    private sealed class Both(IDisposable a, IDisposable b) : IDisposable
    {
        public void Dispose()
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
