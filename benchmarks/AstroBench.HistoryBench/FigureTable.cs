namespace AstroBench.HistoryBench;

/// <summary>The benchmark's compact result: one row per figure (what, p50, p99, server CPU per request, bytes per response, target) and notes.</summary>
internal sealed class FigureTable
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string what, string p50, string p99, string cpu, string target) => _rows.Add([what, p50, p99, cpu, "", target]);

    public void Add(string[] measured, string target) => _rows.Add([.. measured, target]);

    public void Note(string line) => _notes.Add(line);

    public void Print(TextWriter output)
    {
        string[] header = ["figure", "p50 / wall", "p99 / max", "CPU (server per request)", "bytes per response", "target"];
        var all = _rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var (row, i) in all.Select((r, i) => (r, i)))
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
        _notes.ForEach(n => output.WriteLine("- " + n));
    }
}
