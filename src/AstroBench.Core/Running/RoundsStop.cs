namespace AstroBench.Core.Running;

/// <summary>Why a library's timing rounds stopped (<c>rounds_stop</c> in its result; docs/engine.md).</summary>
public enum RoundsStop
{
    /// <summary>The planned rounds were enough: CV at or below the target (or fewer than 2 rounds, where CV says nothing).</summary>
    Planned,

    /// <summary>Extra rounds brought the CV to the target.</summary>
    Stable,

    /// <summary>CV still above the target at the library's maximum rounds.</summary>
    MaxRounds,

    /// <summary>CV still above the target when the experiment's timing budget was spent.</summary>
    Budget,

    /// <summary>Extra rounds brought the median's relative standard error to its target (native code; docs/engine.md,
    /// "Many short processes for C"). Added after the others: their names and order are unchanged.</summary>
    Precise,
}
