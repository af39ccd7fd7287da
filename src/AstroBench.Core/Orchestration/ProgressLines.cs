using System.Globalization;
using System.Text;
using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary>
/// The one formatter and parser of the orchestrator's progress lines (docs/progress.md):
/// <c>[TAG] [verb] key=value … | free text</c>. Values never contain spaces; numbers are invariant;
/// unknown keys are ignored by the parser, so a newer writer stays readable.
/// </summary>
public static class ProgressLines
{
    public const string RunTag = "[RUN]";
    public const string ProgressTag = "[PROGRESS]";
    public const string StartVerb = "start";
    public const string ExperimentDoneVerb = "experiment_done";
    public const string FinishVerb = "finish";
    public const string MessageSeparator = " | ";
    public const string NoRunId = "-";
    public const string Ok = "ok";
    public const string Failed = "failed";

    public static string Format(ProgressLine line)
    {
        var b = new Head();
        switch (line)
        {
            case RunStartLine s:
                b.Tag(RunTag).Tag(StartVerb).Pair("run_id", s.RunId).Pair("experiments_total", s.ExperimentsTotal)
                    .Pair("libraries", string.Join(',', s.Libraries), allowEmpty: true).Pair("n", s.N).Pair("seed", s.Seed);
                break;
            case StepLine p:
                b.Tag(ProgressTag).Pair("experiment", p.Experiment).Pair("step", p.Step).Pair("current", p.Current).Pair("total", p.Total);
                break;
            case ExperimentDoneLine d:
                b.Tag(RunTag).Tag(ExperimentDoneVerb).Pair("experiment", d.Experiment).Pair("status", d.Ok ? Ok : Failed)
                    .Pair("experiments_done", d.ExperimentsDone).Pair("experiments_total", d.ExperimentsTotal);
                break;
            case RunFinishLine f:
                b.Tag(RunTag).Tag(FinishVerb).Pair("status", f.Status.ToWire()).Pair("run_id", f.RunId ?? NoRunId)
                    .Pair("experiments_done", f.ExperimentsDone).Pair("experiments_total", f.ExperimentsTotal);
                break;
            default:
                throw new ArgumentException($"unknown progress line type {line.GetType().Name}", nameof(line));
        }
        return b.ToString() + MessageSeparator + OneLine(line.Message);
    }

    /// <summary>The typed line, or null for free text and for a tagged line that lacks a required key.</summary>
    public static ProgressLine? TryParse(string? line)
    {
        if (line is null || line.Length < 5 || line[0] != '[')
        {
            return null;
        }
        var bar = line.IndexOf(MessageSeparator, StringComparison.Ordinal);
        var head = bar < 0 ? line : line[..bar];
        var message = bar < 0 ? "" : line[(bar + MessageSeparator.Length)..];
        var tokens = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return null;
        }
        try
        {
            if (tokens[0] == ProgressTag)
            {
                var kv = Pairs(tokens, 1);
                return new StepLine(Word(kv, "experiment"), Word(kv, "step"), Int(kv, "current"), Int(kv, "total"), message);
            }
            if (tokens[0] != RunTag)
            {
                return null;
            }
            var pairs = Pairs(tokens, 2);
            return tokens[1] switch
            {
                StartVerb => new RunStartLine(Word(pairs, "run_id"), Int(pairs, "experiments_total"),
                    pairs.TryGetValue("libraries", out var libs) ? libs.Split(',', StringSplitOptions.RemoveEmptyEntries) : throw Missing("libraries"),
                    Int(pairs, "n"), Long(pairs, "seed"), message),
                ExperimentDoneVerb => new ExperimentDoneLine(Word(pairs, "experiment"), Word(pairs, "status") switch
                {
                    Ok => true,
                    Failed => false,
                    _ => throw Missing("status"),
                }, Int(pairs, "experiments_done"), Int(pairs, "experiments_total"), message),
                FinishVerb => new RunFinishLine(RunStatusNames.TryParse(Word(pairs, "status"), out var status) ? status : throw Missing("status"),
                    Word(pairs, "run_id") is var r && r != NoRunId ? r : null, Int(pairs, "experiments_done"), Int(pairs, "experiments_total"), message),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')
            : message;

    private static Dictionary<string, string> Pairs(string[] tokens, int start)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < tokens.Length; i++)
        {
            var eq = tokens[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[tokens[i][..eq]] = tokens[i][(eq + 1)..];
            }
        }
        return result;
    }

    private static FormatException Missing(string key) => new($"missing or invalid {key}");

    private static string Word(Dictionary<string, string> kv, string key) =>
        kv.TryGetValue(key, out var v) && v.Length > 0 ? v : throw Missing(key);

    private static int Int(Dictionary<string, string> kv, string key) =>
        int.TryParse(Word(kv, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Missing(key);

    private static long Long(Dictionary<string, string> kv, string key) =>
        long.TryParse(Word(kv, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Missing(key);

    /// <summary>Builds the key=value head; a value with a space (or an empty one) is a bug in the caller, not something to escape.</summary>
    private sealed class Head
    {
        private readonly StringBuilder _text = new();

        public Head Tag(string tag)
        {
            Separate();
            _text.Append(tag);
            return this;
        }

        public Head Pair(string key, long value) => Pair(key, value.ToString(CultureInfo.InvariantCulture));

        public Head Pair(string key, string value, bool allowEmpty = false)
        {
            if ((!allowEmpty && value.Length == 0) || value.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"progress value {key}='{value}' must be non-empty and contain no whitespace", nameof(value));
            }
            Separate();
            _text.Append(key).Append('=').Append(value);
            return this;
        }

        private void Separate()
        {
            if (_text.Length > 0)
            {
                _text.Append(' ');
            }
        }

        public override string ToString() => _text.ToString();
    }
}
