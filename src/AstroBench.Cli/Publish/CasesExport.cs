using System.Text.Json;

namespace AstroBench.Cli.Publish;

/// <summary>
/// An experiment's cases, published once (docs/publish-import.md): up to <see cref="PublishedEndpoints.PlotMax"/> rows
/// asked in pages of <see cref="PublishedEndpoints.PlotPage"/>, stored by column. The columns are cut into chunks — the
/// inputs (no dot in the name) and one per library (<c>lib.…</c>) — each named by a hash of its content, so a
/// library's outputs that did not change between runs (accuracy is deterministic for a dataset) and the inputs of a
/// dataset are one file for the whole site. The web app answers every cases page (plots, outliers table) from them.
/// </summary>
internal static class CasesExport
{
    public static async Task ExportAsync(Func<string, CancellationToken, Task<JsonDocument?>> get, SiteData data, string run, string experiment,
        CancellationToken ct)
    {
        var pages = new List<JsonDocument>();
        try
        {
            long total = 0;
            var rows = 0;
            while (rows < PublishedEndpoints.PlotMax && (pages.Count == 0 || rows < total))
            {
                var page = await get(PublishedEndpoints.Cases(run, experiment, rows, PublishedEndpoints.PlotPage), ct);
                if (page is null)
                {
                    if (pages.Count == 0)
                    {
                        return; // no cases file: the page's own "no cases" state, as against the server
                    }
                    break;
                }
                pages.Add(page);
                total = page.RootElement.GetProperty("total").GetInt64();
                var n = page.RootElement.GetProperty("rows").GetArrayLength();
                rows += n;
                if (n == 0)
                {
                    break;
                }
            }
            var columns = pages[0].RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            var chunks = new List<(string Id, List<int> Columns)>();
            foreach (var group in Enumerable.Range(0, columns.Count).GroupBy(i => GroupOf(columns[i])))
            {
                var body = Columns(pages, [.. group]);
                var id = JsonChunks.IdOf(body);
                await data.WriteAsync(PublishedEndpoints.Chunk(id), body, ct);
                chunks.Add((id, [.. group]));
            }
            var descriptor = new
            {
                columns,
                total,
                rows,
                chunks = chunks.Select(c => new { id = c.Id, columns = c.Columns }),
            };
            await data.WriteAsync(PublishedEndpoints.CasesExport(run, experiment), JsonSerializer.Serialize(descriptor), ct);
        }
        finally
        {
            pages.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Inputs (no dot) form one group; <c>lib.metric</c> columns one group per library.</summary>
    private static string GroupOf(string column) => column.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? column[..dot] : "";

    /// <summary><c>[[col values…], …]</c> for the given columns over every page, each value written as the server wrote it.</summary>
    private static byte[] Columns(List<JsonDocument> pages, List<int> columns)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var c in columns)
            {
                w.WriteStartArray();
                foreach (var row in pages.SelectMany(p => p.RootElement.GetProperty("rows").EnumerateArray()))
                {
                    row[c].WriteTo(w);
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
