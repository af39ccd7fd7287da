using System.Globalization;
using System.Text;

namespace AstroBench.Core.Comparison;

/// <summary>
/// The gate's verdict as Markdown for a pull-request comment: a headline, one summary line per kind with its rule,
/// then only the results that did not stay unchanged (a PR comment with 231 "unchanged" rows is unreadable).
/// Numbers are invariant-culture, 6 significant digits.
/// </summary>
public static class GateMarkdown
{
    public static string Format(GateReport r)
    {
        var md = new StringBuilder();
        var head = r.Outcome switch
        {
            GateReport.Pass => "✅ AstroBench: no regression",
            GateReport.Fail => r.FailOn == "any-change" ? "❌ AstroBench: results changed" : "❌ AstroBench: regression",
            _ => "⚠️ AstroBench: not comparable",
        };
        md.Append("## ").Append(head).Append("\n\n");
        md.Append(Inv($"Baseline `{r.Baseline}` → candidate `{r.Candidate}` · testbed `{r.CandidateTestbed}` · fail on: {r.FailOn} · exit {r.ExitCode}\n\n"));
        if (r.NotComparable is { } why)
        {
            md.Append("**Not comparable:** ").Append(why).Append('\n');
            return md.ToString();
        }
        md.Append("**Accuracy:** ").Append(Counts(r.AccuracySummary))
            .Append(Inv($". Rule: same dataset fingerprint; the primary metric's p99 or max moving by more than {r.Rules.AccuracyRelativeTolerance:0.###e+0} relative + {r.Rules.AccuracyAbsoluteTolerance:0.###e+0} absolute is a change (larger error = regression).\n\n"));
        md.Append("**Performance:** ").Append(Counts(r.PerformanceSummary))
            .Append(Inv($". Rule: only two valid results (≥ {r.Rules.PerfMinRounds} rounds, stable) are compared; speedup = baseline median / candidate median with a {r.Rules.PerfCiLevel * 100:0} % bootstrap interval; a regression when the interval lies below 1 and the slowdown is at least {r.Rules.PerfMinEffect * 100:0.#} %.\n"));
        if (r.Machine?.Warning is { } warning)
        {
            md.Append("\n⚠️ **Machine speed:** ").Append(warning).Append(".\n");
        }
        var acc = r.Accuracy.Where(x => x.Verdict != GateVerdicts.Unchanged).ToList();
        if (acc.Count > 0)
        {
            md.Append("\n### Accuracy\n\n| experiment | library | metric | p99 baseline | p99 candidate | max baseline | max candidate | verdict |\n|---|---|---|---:|---:|---:|---:|---|\n");
            foreach (var x in acc)
            {
                md.Append(Inv($"| {x.Experiment} | {x.Library} | {x.Metric ?? "–"}{(x.Unit is null ? "" : $" ({x.Unit})")} | {N(x.P99Baseline)} | {N(x.P99Candidate)} | {N(x.MaxBaseline)} | {N(x.MaxCandidate)} | {Verdict(x.Verdict, x.Note)} |\n"));
            }
        }
        var perf = r.Performance.Where(x => x.Verdict != GateVerdicts.Unchanged).ToList();
        if (perf.Count > 0)
        {
            md.Append("\n### Performance\n\n| experiment | library | median ns baseline | median ns candidate | speedup | interval | verdict |\n|---|---|---:|---:|---:|---|---|\n");
            foreach (var x in perf)
            {
                var ci = x.SpeedupCiLow is { } lo && x.SpeedupCiHigh is { } hi ? Inv($"[{lo:0.000}, {hi:0.000}]") : "–";
                md.Append(Inv($"| {x.Experiment} | {x.Library} | {N(x.MedianNsBaseline)} | {N(x.MedianNsCandidate)} | {(x.Speedup is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) + "×" : "–")} | {ci} | {Verdict(x.Verdict, x.Note)} |\n"));
            }
        }
        return md.ToString();
    }

    private static string Counts(GateSummary s)
    {
        var parts = new List<string> { Inv($"{s.Regressions} regression{(s.Regressions == 1 ? "" : "s")}"), Inv($"{s.Improvements} improvement{(s.Improvements == 1 ? "" : "s")}"), Inv($"{s.Unchanged} unchanged") };
        foreach (var (count, word) in new[] { (s.New, "new"), (s.Missing, "missing"), (s.NotCompared, "not compared") }.Where(p => p.Item1 > 0))
        {
            parts.Add(Inv($"{count} {word}"));
        }
        return string.Join(", ", parts);
    }

    private static string Verdict(string verdict, string? note)
    {
        var word = verdict switch
        {
            GateVerdicts.Regression => "🔴 regression",
            GateVerdicts.Improvement => "🟢 improvement",
            GateVerdicts.NotCompared => "⚪ not compared",
            _ => verdict,
        };
        return note is null ? word : $"{word}: {note.Replace("|", "\\|", StringComparison.Ordinal)}";
    }

    private static string N(double? v) => v is { } d ? d.ToString("G6", CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
