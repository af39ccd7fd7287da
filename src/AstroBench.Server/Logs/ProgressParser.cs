using System.Globalization;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Logs;

/// <summary>
/// Turns the orchestrator's progress lines (docs/progress.md) into <see cref="JobProgress"/>.
/// Percent = (experiments_done + current/total) / experiments_total × 100, and never goes backwards.
/// </summary>
public sealed class ProgressParser
{
    private int _done;
    private int _total;
    private string? _experiment;
    private string? _step;
    private double _fraction;
    private double _percent;

    public ProgressParser(JobProgress? start = null)
    {
        if (start is not null)
        {
            (_done, _total, _experiment, _step, _percent) = (start.ExperimentsDone, start.ExperimentsTotal, start.CurrentExperiment, start.CurrentStep, start.Percent);
        }
        Current = start ?? JobProgress.Empty;
    }

    public JobProgress Current { get; private set; }

    /// <summary>The run id announced by <c>[RUN] start</c>, if any.</summary>
    public string? AnnouncedRunId { get; private set; }

    /// <summary>Feeds one line; true when progress changed.</summary>
    public bool Feed(string line)
    {
        if (line.Length < 5 || line[0] != '[')
        {
            return false;
        }
        if (line.StartsWith("[PROGRESS] ", StringComparison.Ordinal))
        {
            var kv = Pairs(line, "[PROGRESS] ".Length);
            _experiment = kv.GetValueOrDefault("experiment") ?? _experiment;
            _step = kv.GetValueOrDefault("step") ?? _step;
            if (Int(kv, "current") is { } cur && Int(kv, "total") is { } tot && tot > 0)
            {
                _fraction = Math.Clamp((double)cur / tot, 0, 1);
            }
        }
        else if (line.StartsWith("[RUN] ", StringComparison.Ordinal))
        {
            var body = line.AsSpan("[RUN] ".Length);
            var space = body.IndexOf(' ');
            var verb = (space < 0 ? body : body[..space]).ToString();
            var kv = Pairs(line, "[RUN] ".Length + verb.Length);
            _total = Int(kv, "experiments_total") ?? _total;
            switch (verb)
            {
                case "start":
                    AnnouncedRunId = kv.GetValueOrDefault("run_id") is { } r && r != "-" ? r : AnnouncedRunId;
                    break;
                case "experiment_done":
                    _done = Math.Max(_done, Int(kv, "experiments_done") ?? _done + 1);
                    _fraction = 0;
                    _step = null;
                    break;
                case "finish":
                    _done = Math.Max(_done, Int(kv, "experiments_done") ?? _done);
                    _fraction = 0;
                    _step = null;
                    if (kv.GetValueOrDefault("status") == "completed")
                    {
                        _percent = 100;
                    }
                    break;
                default:
                    return false;
            }
        }
        else
        {
            return false;
        }
        if (_total > 0)
        {
            _percent = Math.Max(_percent, Math.Min(100, Math.Round((_done + _fraction) / _total * 100, 1)));
        }
        var next = new JobProgress(_done, _total, _experiment, _step, _percent);
        if (next == Current)
        {
            return false;
        }
        Current = next;
        return true;
    }

    /// <summary>Marks the job finished successfully: 100 %.</summary>
    public JobProgress Completed() => Current = Current with { Percent = 100, ExperimentsDone = Math.Max(Current.ExperimentsDone, Current.ExperimentsTotal), CurrentStep = null };

    private static Dictionary<string, string> Pairs(string line, int start)
    {
        var bar = line.IndexOf(" | ", start, StringComparison.Ordinal);
        var head = bar < 0 ? line[start..] : line[start..bar];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in head.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=');
            if (eq > 0)
            {
                result[token[..eq]] = token[(eq + 1)..];
            }
        }
        return result;
    }

    private static int? Int(Dictionary<string, string> kv, string key) =>
        kv.TryGetValue(key, out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
