using System.Globalization;
using System.Text;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Results;

/// <summary>Human-readable summaries (experiment and run level) from the result records. Invariant culture throughout.</summary>
public static class SummaryMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Experiment(string experiment, string title, IReadOnlyList<LibraryResult> results)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"# {experiment}: {title}\n\n");
        var first = results.Count > 0 ? results[0] : null;
        if (first is not null)
        {
            sb.Append(Inv, $"n = {first.Dataset.N}, seed = {first.Dataset.Seed}, fingerprint `{first.Dataset.Fingerprint}`, reference `{first.Reference}`.\n\n");
        }
        AppendTable(sb, results, withExperiment: false);
        AppendUncertainty(sb, results);
        AppendLoopCost(sb, results);
        foreach (var r in results.Where(r => !string.IsNullOrEmpty(r.Conventions)))
        {
            sb.Append(Inv, $"\n- **{r.Library}** conventions: {r.Conventions}");
        }
        sb.Append('\n');
        return sb.ToString();
    }

    public static string Run(RunManifest manifest, IReadOnlyList<LibraryResult> results)
    {
        var sb = new StringBuilder();
        var c = manifest.Config;
        sb.Append(Inv, $"# AstroBench run {manifest.RunId}\n\n");
        sb.Append(Inv, $"Experiments: {c.Experiments.Count}, libraries: {string.Join(", ", c.Libraries)}, n = {c.N}, seed = {c.Seed}, ");
        sb.Append(c.NoPerf ? "no perf" : string.Create(Inv, $"{c.PerfRounds} perf rounds"));
        sb.Append(c.CiMode ? " (CI mode: perf numbers are smoke tests only)" : "");
        sb.Append(Inv, $". Machine: {manifest.Environment.CpuModel}, {manifest.Environment.Cores} cores, {manifest.Environment.Os}.\n\n");
        if (manifest.Machine is { } machine)
        {
            // docs/engine.md, "The machine-speed probe": the floor the machine set for reproducing these medians.
            sb.Append(Inv, $"**Machine during timing:** {Running.MachineDrift.Statement(machine.Probe)}.\n\n");
        }
        if (Running.ContentionSummary.Of(results) is { } contended)
        {
            sb.Append(Inv, $"**Contended cycles:** {contended}.\n\n");
        }
        if (!manifest.Completeness.Complete)
        {
            sb.Append("**Incomplete run.** Failed: ");
            sb.Append(string.Join("; ", manifest.Completeness.Failed.Select(f => $"{f.Experiment} ({f.Reason})")));
            sb.Append("\n\n");
        }
        AppendTable(sb, results, withExperiment: true);
        sb.Append("\n## Parity matrix\n\n");
        sb.Append(ParityMatrix(results));
        sb.Append("\n## Reference uncertainty\n\n");
        sb.Append(UncertaintyTable(results));
        return sb.ToString();
    }

    /// <summary>Per timed library: the empty-loop cost subtracted from its figures (or that it is unknown), the warm-up, and why a speedup is labelled.</summary>
    private static void AppendLoopCost(StringBuilder sb, IReadOnlyList<LibraryResult> results)
    {
        var any = false;
        foreach (var r in results)
        {
            if (r.Performance is not { Loop: { } loop } p)
            {
                continue;
            }
            any = true;
            var cost = loop.EmptyLoopNsPerOp is { } e
                ? string.Create(Inv, $"empty loop {Num(e)} ns/op subtracted (raw median {Num(loop.RawMedianNs)} ns/op)")
                : "loop cost unknown (protocol < 3), not subtracted";
            var warmup = loop.WarmupSteadyRounds is { } steady
                ? string.Create(Inv, $"warm-up until steady: {steady} of {p.Rounds} rounds steady")
                : "warm-up fixed (10 % of the ops)";
            sb.Append(Inv, $"\n- **{r.Library}** timing loop: {cost}; {warmup}.");
            if (p.SpeedupLabelReason is { } why)
            {
                sb.Append(Inv, $" Speedup labelled model mismatch: {why}.");
            }
        }
        if (any)
        {
            sb.Append('\n');
        }
    }

    /// <summary>The reference's measured uncertainty and which candidates lie within it (never ranked against each other).</summary>
    private static void AppendUncertainty(StringBuilder sb, IReadOnlyList<LibraryResult> results)
    {
        if (results.Select(r => r.ReferenceUncertainty).FirstOrDefault(u => u is not null) is not { } u)
        {
            sb.Append("\nReference uncertainty: not measured.\n");
            return;
        }
        sb.Append(Inv, $"\nReference uncertainty: {Num(u.Value)} {u.Unit} ({u.Metric}, p99) — {u.Method} Source: {u.Source} (run {u.Provenance.RunId}).\n");
        foreach (var r in results.Where(r => r.WithinReferenceUncertainty == true))
        {
            sb.Append(Inv, $"\n- **{r.Library}**: within reference uncertainty (not ranked on accuracy against other such results)");
        }
        sb.Append('\n');
    }

    /// <summary>Per experiment: the reference's measured uncertainty and the libraries within it (docs/scoreboard.md).</summary>
    public static string UncertaintyTable(IReadOnlyList<LibraryResult> results)
    {
        var sb = new StringBuilder("| experiment | reference uncertainty (p99) | measured against | within it (never ranked against each other) |\n|---|---:|---|---|\n");
        foreach (var group in results.GroupBy(r => r.Experiment))
        {
            var u = group.Select(r => r.ReferenceUncertainty).FirstOrDefault(x => x is not null);
            var within = string.Join(", ", group.Where(r => r.WithinReferenceUncertainty == true).Select(r => r.Library));
            sb.Append(Inv, $"| {group.Key} | {(u is null ? "not measured" : $"{Num(u.Value)} {u.Unit}")} | {u?.Provenance.Library ?? "—"} | {(within.Length > 0 ? within : "—")} |\n");
        }
        return sb.ToString();
    }

    public static string ParityMatrix(IReadOnlyList<LibraryResult> results)
    {
        var libraries = results.Select(r => r.Library).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("| experiment | ").Append(string.Join(" | ", libraries)).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(libraries.Select(_ => "---|"))).Append('\n');
        foreach (var group in results.GroupBy(r => r.Experiment))
        {
            sb.Append("| ").Append(group.Key).Append(" | ");
            // A library that answered "skipped" has no parity to state: say so instead of a class it never earned.
            sb.Append(string.Join(" | ", libraries.Select(l => group.FirstOrDefault(r => r.Library == l) is { } r
                ? (r.Outcome == CallOutcome.Completed.ToWire() ? r.Parity : r.Outcome)
                : "—")));
            sb.Append(" |\n");
        }
        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, IReadOnlyList<LibraryResult> results, bool withExperiment)
    {
        sb.Append(withExperiment ? "| experiment " : "").Append("| library | role | parity | outcome | metric | p50 | p99 | max | median ns/op | median CI (coverage) | CV % | speedup vs reference [95 % bootstrap CI] |\n");
        sb.Append(withExperiment ? "|---" : "").Append("|---|---|---|---|---|---:|---:|---:|---:|---|---:|---:|\n");
        foreach (var r in results)
        {
            if (withExperiment)
            {
                sb.Append("| ").Append(r.Experiment).Append(' ');
            }
            sb.Append(Inv, $"| {r.Library} | {r.Role} | {r.Parity} | {r.Outcome} | ");
            if (r.Accuracy is { } a && a.Metrics.TryGetValue(a.PrimaryMetric, out var m))
            {
                sb.Append(Inv, $"{a.PrimaryMetric} | {Num(m.P50)} | {Num(m.P99)} | {Num(m.Max)} | ");
            }
            else
            {
                sb.Append("— | — | — | — | ");
            }
            if (r.Performance is { } p)
            {
                var flag = p.Valid ? "" : " ⚠";
                sb.Append(Inv, $"{Num(p.MedianNs)}{flag} | {MedianCi(p)} | {p.CvPercent:0.0} | {SpeedupCell(p, r.Parity)} |\n");
            }
            else
            {
                sb.Append("— | — | — | — |\n");
            }
        }
    }

    /// <summary>The order-statistic interval of the median with its exact coverage (93.75 % with 5 rounds, never a rounded "95 %").</summary>
    private static string MedianCi(PerformanceSummary p) =>
        string.Create(Inv, $"[{Num(p.CiLowNs)}, {Num(p.CiHighNs)}] ({p.CiLevel * 100:0.##} %)");

    /// <summary>
    /// "2.10× [1.95, 2.31]", "≈ 1× [0.97, 1.04]" when the interval contains 1, "(model mismatch)" after a
    /// speedup that measures a model gap, and "— (reason)" for an invalid result: it has no speedup.
    /// </summary>
    private static string SpeedupCell(PerformanceSummary p, string parity)
    {
        if (!p.Valid)
        {
            return "— (" + p.InvalidReason + ")";
        }
        if (p.SpeedupVsReference is not { } s)
        {
            return "—";
        }
        var text = p.SpeedupVerdict == SpeedupVerdict.Indistinguishable ? "≈ 1×" : Speedup(s);
        if (p.SpeedupCiLow is { } lo && p.SpeedupCiHigh is { } hi)
        {
            text += " [" + Ratio(lo) + ", " + Ratio(hi) + "]";
        }
        return SpeedupLabels.Fallback(p.SpeedupLabel, parity) == SpeedupLabels.ModelMismatch ? text + " (model mismatch)" : text;
    }

    /// <summary>Two decimals, or two significant digits below 0.01× so a 1,000× slower library does not read "0.00×".</summary>
    private static string Speedup(double s) => Ratio(s) + "×";

    private static string Ratio(double s) => s >= 0.01 ? s.ToString("0.00", Inv) : s.ToString("0.##e+0", Inv);

    public static string Num(double v) =>
        !double.IsFinite(v) ? "NaN"
        : v == 0 ? "0"
        : Math.Abs(v) >= 1e5 || Math.Abs(v) < 1e-3 ? v.ToString("0.###e+0", Inv)
        : v.ToString("0.####", Inv);
}
