namespace AstroBench.Server.Execution;

/// <summary>
/// The local executor's cancel: SIGTERM to the group → grace → SIGKILL to the group → verify the group is empty. Grace and
/// verification are measured on <c>clock</c> (default <see cref="TimeProvider.System"/>), so a test can
/// hold the grace open with a fake clock instead of depending on how fast the machine is.
/// </summary>
internal static class SignalSequence
{
    public static async Task<CancelOutcome> RunAsync(ActiveJob job, TimeSpan grace, TimeSpan killVerify, TimeProvider? clock = null)
    {
        var pgid = job.Process!.Pgid;
        string? error = null;
        List<int> survivors;
        if (grace > TimeSpan.Zero)
        {
            if (!ProcessGroup.Signal(pgid, LibC.SIGTERM, out error))
            {
                return new CancelOutcome(false, ProcessGroup.Members(pgid), error);
            }
            survivors = await ProcessGroup.WaitEmptyAsync(pgid, grace, job.TryReap, clock: clock);
            if (survivors.Count == 0)
            {
                return new CancelOutcome(true, [], null);
            }
        }
        if (!ProcessGroup.Signal(pgid, LibC.SIGKILL, out error))
        {
            return new CancelOutcome(false, ProcessGroup.Members(pgid), error);
        }
        survivors = await ProcessGroup.WaitEmptyAsync(pgid, killVerify, job.TryReap, clock: clock);
        return new CancelOutcome(survivors.Count == 0, survivors,
            survivors.Count == 0 ? null : $"processes still alive after SIGKILL: {string.Join(' ', survivors)}");
    }
}
