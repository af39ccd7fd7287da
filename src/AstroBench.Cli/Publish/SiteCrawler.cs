using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AstroBench.Cli.Publish;

/// <summary>
/// Asks a server for every <see cref="PublishedEndpoints"/> URL of the chosen runs and writes each 200 answer as a data
/// script (<see cref="SiteData"/>); an experiment's cases are exported once by <see cref="CasesExport"/>. A 404 (no
/// summary, no cases) is simply not published: the page shows its own "not found" state, as it would against the server.
/// </summary>
internal sealed class SiteCrawler(HttpClient http, string siteDir, IReadOnlySet<string> runs)
{
    private const int Parallelism = 4;
    private readonly SiteData _data = new(siteDir);

    public int Written => _data.Written;

    public async Task CrawlAsync(CancellationToken ct)
    {
        _data.Create();
        JsonNode? series = null;
        foreach (var url in PublishedEndpoints.Lab)
        {
            var isSeries = url == "/api/history/series";
            var body = await GetAsync(url, ct, keep: isSeries);
            series = isSeries ? body : series;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(HistoryUrls(series), options, async (url, token) => await GetAsync(url, token));
        await Parallel.ForEachAsync(runs.Order(StringComparer.Ordinal), options, async (run, token) => await CrawlRunAsync(run, token));
    }

    /// <summary>Every (experiment, library) with a series, in each order the Trends page asks for.</summary>
    private static IEnumerable<string> HistoryUrls(JsonNode? series) =>
        (series as JsonArray ?? [])
            .Select(s => (Experiment: s?["experiment"]?.GetValue<string>(), Library: s?["library"]?.GetValue<string>()))
            .Where(s => s.Experiment is not null && s.Library is not null)
            .Distinct()
            .SelectMany(s => PublishedEndpoints.HistoryOrders.Select(o => PublishedEndpoints.History(s.Experiment!, s.Library!, o)));

    private async Task CrawlRunAsync(string run, CancellationToken ct)
    {
        JsonNode? detail = null;
        foreach (var url in PublishedEndpoints.OfRun(run))
        {
            var body = await GetAsync(url, ct, keep: detail is null);
            detail ??= body;
        }
        var experiments = detail?["experiments"] is JsonObject e ? e.Select(p => p.Key).ToList() : [];
        foreach (var experiment in experiments)
        {
            foreach (var url in PublishedEndpoints.OfExperiment(run, experiment))
            {
                await GetAsync(url, ct);
            }
            await CasesExport.ExportAsync(FetchAsync, _data, run, experiment, ct);
        }
    }

    /// <summary>
    /// Asks <paramref name="url"/> and writes its answer; returns the body when <paramref name="keep"/> (writing moves
    /// its large subtrees out, so a body the crawl reads further is written from a copy), else the written remains.
    /// </summary>
    private async Task<JsonNode?> GetAsync(string url, CancellationToken ct, bool keep = false)
    {
        var answer = await AskAsync(PublishedEndpoints.Sources.GetValueOrDefault(url, url),
            stream => JsonNode.ParseAsync(stream, cancellationToken: ct), ct);
        if (answer is null)
        {
            return null;
        }
        var body = PublishedEndpoints.Filter(url, answer, runs);
        await _data.WriteSharedAsync(url, keep ? body.DeepClone() : body, ct);
        return body;
    }

    /// <summary>The answer's JSON; null for a 404.</summary>
    private Task<JsonDocument?> FetchAsync(string url, CancellationToken ct) =>
        AskAsync<JsonDocument>(url, async stream => await JsonDocument.ParseAsync(stream, cancellationToken: ct), ct);

    private async Task<T?> AskAsync<T>(string url, Func<Stream, Task<T?>> parse, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"publish: GET {url} answered {(int)response.StatusCode}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await parse(stream) ?? throw new CliException($"publish: GET {url} answered null");
    }
}
