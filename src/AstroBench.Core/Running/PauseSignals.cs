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

    /// <summary>The line a run prints when it takes a pause request (docs/checkpoints.md): what it will do, in words.</summary>
    public static string Acknowledgement(PauseMode mode) => mode == PauseMode.Now
        ? "pause requested (SIGUSR2): stopping now, the current experiment will be redone on resume"
        : "pause requested (SIGUSR1): pausing after the current experiment";

    /// <param name="onRequest">Called after the request is recorded, e.g. to print <see cref="Acknowledgement"/>.</param>
    public static IDisposable Register(PauseRequest pause, Action<PauseMode> onRequest)
    {
        var boundary = PosixSignalRegistration.Create((PosixSignal)SigUsr1, c => On(c, pause, PauseMode.Boundary, onRequest));
        var now = PosixSignalRegistration.Create((PosixSignal)SigUsr2, c => On(c, pause, PauseMode.Now, onRequest));
        return new Both(boundary, now);
    }

    private static void On(PosixSignalContext context, PauseRequest pause, PauseMode mode, Action<PauseMode> onRequest)
    {
        context.Cancel = true;
        pause.Request(mode);
        onRequest(mode);
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
