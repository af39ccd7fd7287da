namespace AstroBench.Core.Running;

/// <summary>
/// Whether an experiment's timing budget can still pay for a wait for the machine or a discarded round's retake
/// (docs/engine.md, "Contended cycles"). Planned rounds are owed whatever the budget, so a retake is paid for in run time
/// once the budget left no longer covers the planned cycles still owed: on a machine contended throughout, discards early
/// in an experiment used to spend its budget and leave its planned rounds to run past it, each experiment by up to 0.9 s.
/// The cost of a cycle to come is the mean of the cycles run so far (waits left out: they are counted apart).
/// </summary>
internal static class RetakeBudget
{
    /// <param name="spent">The budget spent so far.</param>
    /// <param name="budget">The experiment's timing budget.</param>
    /// <param name="waited">The part of <paramref name="spent"/> that went into waits for the machine (retaken probes).</param>
    /// <param name="cyclesRun">The cycles whose rounds ran so far, discarded ones included.</param>
    /// <param name="owedCycles">The cycles the planned rounds still need (the most any library still owes).</param>
    /// <param name="extraCycles">The cycles the retake itself adds (1 for a discarded round; 0 for a wait).</param>
    public static bool Affords(TimeSpan spent, TimeSpan budget, TimeSpan waited, int cyclesRun, int owedCycles, int extraCycles)
    {
        if (spent >= budget)
        {
            return false;
        }
        if (cyclesRun == 0)
        {
            return true; // no cost known yet; the wait's own limits (a quarter of the budget, 20 per cycle) bound it
        }
        var perCycle = (spent - waited) / cyclesRun;
        return spent + perCycle * (owedCycles + extraCycles) < budget;
    }
}
