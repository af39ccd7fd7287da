using AstroBench.Server.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Scheduling;

/// <summary>
/// The schedule loop, on <see cref="ScheduleClock"/>: wakes at the earliest <c>next_due</c> (at most every
/// <see cref="SafetyWake"/>, and at once on <see cref="Wake"/>), enqueues what is due and moves <c>next_due</c>
/// to the first future occurrence. After downtime only the latest missed occurrence fires (never a burst).
/// </summary>
internal sealed class Scheduler(ScheduleStore store, JobQueue queue, ScheduleClock clock, ILogger<Scheduler> log) : BackgroundService
{
    /// <summary>Picks up schedules written by another process (the CLI's <c>--root</c>) without a wake-up.</summary>
    public static readonly TimeSpan SafetyWake = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _pass = new();

    /// <summary>A schedule was added or enabled: recompute the wake-up time.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: that pass sees this change too.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? due = null;
            try
            {
                FireDue();
                due = store.EarliestDue();
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Schedule pass failed; retrying in {Delay}", SafetyWake);
            }
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = due is { } d ? Clamp(d - clock.Now) : SafetyWake;
            var sleep = Task.Delay(delay, clock.Time, tick.Token);
            // The clock may have passed the due time while the timer was being set (a timer counts from its own start).
            if (due is not { } dueAt || clock.Now < dueAt)
            {
                await Task.WhenAny(_wake.WaitAsync(Timeout.InfiniteTimeSpan, tick.Token), sleep);
            }
            await tick.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private static TimeSpan Clamp(TimeSpan until) => until < TimeSpan.Zero ? TimeSpan.Zero : until < SafetyWake ? until : SafetyWake;

    /// <summary>One pass; returns the jobs enqueued. Public for tests that race two passes.</summary>
    public int FireDue()
    {
        lock (_pass)
        {
            var now = clock.Now;
            var fired = 0;
            foreach (var s in store.ListDue(now))
            {
                if (ScheduleCron.Parse(s.Cron).Expression is not { } cron || s.NextDue is not { } due)
                {
                    continue;
                }
                var occurrence = ScheduleCron.Latest(cron, due, now);
                // The compare-and-set comes first: a crash before the enqueue loses this occurrence, it never doubles it.
                if (!store.TryFire(s.Id, due, occurrence, ScheduleCron.Next(cron, now)))
                {
                    continue;
                }
                var job = queue.Enqueue(s.Job, JobNotes(s), s.Priority, s.ConcurrencyKey, cancelInProgress: false);
                store.SetLastJob(s.Id, job.Id);
                log.LogInformation("Schedule {Id} ({Name}) fired for {Occurrence:O}: job {Job}", s.Id, s.Name, occurrence, job.Id);
                fired++;
            }
            return fired;
        }
    }

    /// <summary>The enqueued job's notes name its schedule: <c>[schedule ID]</c>, then the schedule's notes.</summary>
    public static string JobNotes(ScheduleRow s) => s.Notes is { } n ? $"[schedule {s.Id}] {n}" : $"[schedule {s.Id}]";
}
