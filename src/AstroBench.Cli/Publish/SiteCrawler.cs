using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Cli.Publish;

/// <summary>
/// Asks a server for every <see cref="PublishedEndpoints"/> URL of the chosen runs and writes each 200 answer as
/// <c>data/&lt;name&gt;.js</c>, a classic script that stores the body under its URL in <c>window.__astrobench</c>
/// (file:// forbids fetch in chromium; a script tag is allowed). A 404 (no summary, no cases) is simply not published:
/// the page shows its own "not found" state, as it would against the server.
/// </summary>
internal sealed class SiteCrawler(HttpClient http, string siteDir, IReadOnlySet<string> runs)
{
    private const int Parallelism = 4;
    private readonly ConcurrentBag<string> _written = [];

    public int Written => _written.Count;

    public async Task CrawlAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(siteDir, "data"));
        foreach (var url in PublishedEndpoints.Lab)
        {
            await GetAsync(url, ct);
        }
        await Parallel.ForEachAsync(runs.Order(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (run, token) => await CrawlRunAsync(run, token));
    }

    private async Task CrawlRunAsync(string run, CancellationToken ct)
    {
        JsonNode? detail = null;
        foreach (var url in PublishedEndpoints.OfRun(run))
        {
            var body = await GetAsync(url, ct);
            detail ??= body;
        }
        var experiments = detail?["experiments"] is JsonObject e ? e.Select(p => p.Key).ToList() : [];
        foreach (var experiment in experiments)
        {
            foreach (var url in PublishedEndpoints.OfExperiment(run, experiment))
            {
                await GetAsync(url, ct);
            }
            await CrawlCasesAsync(run, experiment, ct);
        }
    }

    /// <summary>The pages the plots read (as web getCasesForPlots asks them), then the first pages of the outliers table.</summary>
    private async Task CrawlCasesAsync(string run, string experiment, CancellationToken ct)
    {
        static int Rows(JsonNode? page) => page?["rows"] is JsonArray r ? r.Count : 0;
        var first = await GetAsync(PublishedEndpoints.Cases(run, experiment, 0, PublishedEndpoints.PlotPage), ct);
        if (first is null)
        {
            return;
        }
        var total = first["total"]?.GetValue<long>() ?? 0;
        long offset = Rows(first);
        while (offset > 0 && offset < total && offset < PublishedEndpoints.PlotMax)
        {
            var n = Rows(await GetAsync(PublishedEndpoints.Cases(run, experiment, offset, PublishedEndpoints.PlotPage), ct));
            if (n == 0)
            {
                break;
            }
            offset += n;
        }
        for (var p = 0L; p < PublishedEndpoints.TablePages && (p == 0 || p * PublishedEndpoints.TablePage < total); p++)
        {
            await GetAsync(PublishedEndpoints.Cases(run, experiment, p * PublishedEndpoints.TablePage, PublishedEndpoints.TablePage), ct);
        }
    }

    private async Task<JsonNode?> GetAsync(string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"publish: GET {url} answered {(int)response.StatusCode}");
        }
        var body = PublishedEndpoints.Filter(url, JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) ?? new JsonObject(), runs);
        var script = new StringBuilder("(window.__astrobench=window.__astrobench||{})[")
            .Append(JsonSerializer.Serialize(url)).Append("]=").Append(body.ToJsonString()).Append(";\n").ToString();
        var file = Path.Combine(siteDir, StaticDataFile.Of(url));
        await File.WriteAllTextAsync(file, script, ct);
        _written.Add(url);
        return body;
    }
}
