using AstroBench.Core.Retention;

namespace AstroBench.Server.Storage;

/// <summary>
/// Section <c>AstroBench:Retention</c> of appsettings.json (env <c>AstroBench__Retention__KeepLast</c> …): the rules
/// in force until the web app saves its own (<see cref="RetentionRulesStore"/>), and the sweep interval.
/// Every rule defaults to "no limit": a lab deletes nothing until someone asks it to.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "AstroBench:Retention";

    public int? KeepLast { get; set; }
    public double? MaxAgeDays { get; set; }
    public long? MaxTotalMb { get; set; }
    public bool Archive { get; set; }
    public string? ArchiveDir { get; set; }
    public double? LogsMaxAgeDays { get; set; }
    public double? JobsMaxAgeDays { get; set; }

    /// <summary>Minutes between periodic sweeps (a sweep also follows every finished job); 1..10080.</summary>
    public double SweepIntervalMinutes { get; set; } = 60;

    public RetentionRules ToRules() => new(KeepLast, MaxAgeDays, MaxTotalMb, Archive, ArchiveDir, LogsMaxAgeDays, JobsMaxAgeDays);

    public TimeSpan SweepInterval => TimeSpan.FromMinutes(double.IsFinite(SweepIntervalMinutes) ? Math.Clamp(SweepIntervalMinutes, 1, 10_080) : 60);
}
