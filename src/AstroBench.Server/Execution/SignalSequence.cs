namespace AstroBench.Server.Execution;

/// <summary>SIGTERM to the group → grace → SIGKILL to the group → verify the group is empty.</summary>
internal static class SignalSequence
{
    public static async Task<CancelOutcome> RunAsync(ActiveJob job, TimeSpan grace, TimeSpan killVerify)
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
            survivors = await ProcessGroup.WaitEmptyAsync(pgid, grace, job.TryReap);
            if (survivors.Count == 0)
            {
                return new CancelOutcome(true, [], null);
            }
        }
        if (!ProcessGroup.Signal(pgid, LibC.SIGKILL, out error))
        {
            return new CancelOutcome(false, ProcessGroup.Members(pgid), error);
        }
        survivors = await ProcessGroup.WaitEmptyAsync(pgid, killVerify, job.TryReap);
        return new CancelOutcome(survivors.Count == 0, survivors,
            survivors.Count == 0 ? null : $"processes still alive after SIGKILL: {string.Join(' ', survivors)}");
    }
}
