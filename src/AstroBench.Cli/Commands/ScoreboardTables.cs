using System.Globalization;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// The scoreboard views of <c>astrobench runs show</c> as terminal tables (docs/scoreboard.md): standings, pairwise
/// wins, the accuracy and speed heatmaps (text values, rank 1 in green, within reference uncertainty in blue) and the
/// FROM × TO frame-pair view. Everything comes from <see cref="ScoreboardBuilder"/>, as the server's endpoint.
/// </summary>
internal static class ScoreboardTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, RunScoreboard board)
    {
        var standings = new Table().Title("Scoreboard").AddColumns("library", "accuracy rank", "accuracy W/T/L", "mean accuracy rank",
            "speed rank", "speed W/T/L", "mean speed rank", "experiments");
        foreach (var s in board.Standings)
        {
            standings.AddRow(Markup.Escape(s.Library), Int(s.AccuracyRank), Wtl(s.Accuracy), Mean(s.MeanAccuracyRank),
                Int(s.SpeedRank), Wtl(s.Speed), Mean(s.MeanSpeedRank), Int(s.Experiments));
        }
        console.Write(standings);

        var pairwise = new Table().Title("Pairwise wins/ties/losses (accuracy | speed), row against column").AddColumn("library");
        foreach (var lib in board.Libraries)
        {
            pairwise.AddColumn(Markup.Escape(lib));
        }
        foreach (var lib in board.Libraries)
        {
            pairwise.AddRow([Markup.Escape(lib), .. board.Libraries.Select(o => o == lib ? "—"
                : board.Pairwise.FirstOrDefault(p => p.Library == lib && p.Opponent == o) is { } p ? $"{Wtl(p.Accuracy)} | {Wtl(p.Speed)}" : "")]);
        }
        console.Write(pairwise);
        console.Write(Heatmap(board, "Accuracy heatmap: p99 of the primary error (unit per row; ≤U within reference uncertainty)", Accuracy));
        console.Write(Heatmap(board, "Speed heatmap: median ns/op (#rank; ⚠ invalid timing, never ranked)", Speed));
        console.Write(FramePairs(board));
    }

    public static void WritePairs(IAnsiConsole console, ExperimentPairs pairs)
    {
        var table = new Table().Title(Markup.Escape($"{pairs.Experiment}: all pairs, p99 / max of {pairs.Metric} ({pairs.Unit})")).AddColumn("library");
        foreach (var lib in pairs.Libraries)
        {
            table.AddColumn(Markup.Escape(lib));
        }
        foreach (var a in pairs.Libraries)
        {
            table.AddRow([Markup.Escape(a), .. pairs.Libraries.Select(b => a == b ? "—"
                : pairs.Pairs.FirstOrDefault(p => (p.A == a && p.B == b) || (p.A == b && p.B == a)) is { } p
                    ? $"{SummaryMarkdown.Num(p.P99)} / {SummaryMarkdown.Num(p.Max)}" : "")]);
        }
        console.Write(table);
    }

    private static Table Heatmap(RunScoreboard board, string title, Func<ScoreboardEntry, string> cell)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("experiment");
        foreach (var lib in board.Libraries)
        {
            table.AddColumn(Markup.Escape(lib));
        }
        foreach (var e in board.Experiments)
        {
            var label = e.Unit is null ? e.Experiment : $"{e.Experiment} ({e.Unit})";
            table.AddRow([Markup.Escape(label), .. board.Libraries.Select(l => e.Entries.FirstOrDefault(x => x.Library == l) is { } x ? cell(x) : "")]);
        }
        return table;
    }

    private static string Accuracy(ScoreboardEntry x) => x.AccuracyStatus switch
    {
        AccuracyStatuses.Reference => "[grey]reference[/]",
        AccuracyStatuses.WithinReferenceUncertainty => $"[blue]{Num(x.P99Error)} ≤U[/]",
        AccuracyStatuses.Ranked when x.AccuracyRank == 1 => $"[green]{Num(x.P99Error)} #1[/]",
        AccuracyStatuses.Ranked => $"{Num(x.P99Error)} #{Int(x.AccuracyRank)}",
        _ => Markup.Escape(x.Outcome),
    };

    private static string Speed(ScoreboardEntry x) => x.SpeedStatus switch
    {
        AccuracyStatuses.Ranked when x.SpeedRank == 1 => $"[green]{Num(x.MedianNs)} #1[/]",
        AccuracyStatuses.Ranked => $"{Num(x.MedianNs)} #{Int(x.SpeedRank)}",
        AccuracyStatuses.Invalid => $"[yellow]{Num(x.MedianNs)} ⚠[/]",
        _ => "—",
    };

    /// <summary>The original lab's FROM × TO view: which experiment connects which frames, and how many libraries answered it.</summary>
    private static Table FramePairs(RunScoreboard board)
    {
        var froms = board.Experiments.Select(e => e.FromFrame).Where(f => f.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var tos = board.Experiments.Select(e => e.ToFrame).Where(f => f.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Title(Markup.Escape("Frame pairs: FROM (rows) × TO (columns): experiment [libraries that completed it]")).AddColumn("from \\ to");
        foreach (var to in tos)
        {
            table.AddColumn(Markup.Escape(to));
        }
        foreach (var from in froms)
        {
            table.AddRow([Markup.Escape(from), .. tos.Select(to => Markup.Escape(string.Join("\n", board.Experiments
                .Where(e => e.FromFrame == from && e.ToFrame == to)
                .Select(e => $"{e.Experiment} [{e.Entries.Count(x => x.Outcome == "completed")}]"))))]);
        }
        return table;
    }

    private static string Wtl(Tally t) => string.Create(Inv, $"{t.Wins}/{t.Ties}/{t.Losses}");

    private static string Int(int? v) => v is { } i ? i.ToString(Inv) : "—";

    private static string Mean(double? v) => v is { } d ? d.ToString("0.0", Inv) : "—";

    private static string Num(double? v) => v is { } d ? Markup.Escape(SummaryMarkdown.Num(d)) : "—";
}
