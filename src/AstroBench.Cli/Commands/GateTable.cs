using System.Globalization;
using AstroBench.Core.Comparison;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>The gate's verdict for a terminal: the outcome line, then every accuracy and performance result.</summary>
internal static class GateTable
{
    public static void Write(IAnsiConsole console, GateReport r)
    {
        console.WriteLine($"{r.Outcome} (exit {r.ExitCode}): baseline {r.Baseline} → candidate {r.Candidate}, testbed {r.CandidateTestbed}, fail on {r.FailOn}");
        if (r.NotComparable is not null)
        {
            return;
        }
        var acc = new Table().AddColumns("experiment", "library", "metric", "p99 A", "p99 B", "max A", "max B", "verdict");
        foreach (var x in r.Accuracy)
        {
            acc.AddRow(E(x.Experiment), E(x.Library), E(x.Metric ?? "-"), N(x.P99Baseline), N(x.P99Candidate), N(x.MaxBaseline), N(x.MaxCandidate), E(Verdict(x.Verdict, x.Note)));
        }
        console.Write(acc);
        var perf = new Table().AddColumns("experiment", "library", "median ns A", "median ns B", "speedup", "interval", "verdict");
        foreach (var x in r.Performance)
        {
            var ci = x.SpeedupCiLow is { } lo && x.SpeedupCiHigh is { } hi ? string.Create(CultureInfo.InvariantCulture, $"[{lo:0.000}, {hi:0.000}]") : "-";
            perf.AddRow(E(x.Experiment), E(x.Library), N(x.MedianNsBaseline), N(x.MedianNsCandidate), N(x.Speedup), E(ci), E(Verdict(x.Verdict, x.Note)));
        }
        if (r.Performance.Count > 0)
        {
            console.Write(perf);
        }
        if (r.Machine?.Warning is { } warning)
        {
            console.WriteLine("warning: " + warning);
        }
    }

    private static string Verdict(string verdict, string? note) => note is null ? verdict : $"{verdict}: {note}";

    private static string E(string s) => Markup.Escape(s);

    private static string N(double? v) => v is { } d ? d.ToString("G6", CultureInfo.InvariantCulture) : "-";
}
