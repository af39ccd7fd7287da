using System.Text.Json.Nodes;

namespace AstroBench.Cli.Publish;

/// <summary>
/// The GET endpoints a published site carries, as URLs the web app asks for (web/src/features/*/api). One place lists
/// them: a new page's endpoint is one line here (e.g. the results index's <c>/api/regressions</c> in <see cref="Lab"/>).
/// Lists that name runs are cut to the published runs by <see cref="Filters"/>.
/// </summary>
internal static class PublishedEndpoints
{
    /// <summary>Cases pages the plots read (web getCasesForPlots: pages of 5,000 up to 20,000 cases).</summary>
    public const int PlotPage = 5000;
    public const int PlotMax = 20_000;

    /// <summary>Pages of the outliers table (100 rows) that are published: the first five.</summary>
    public const int TablePage = 100;
    public const int TablePages = 5;

    /// <summary>Lab-wide answers.</summary>
    public static IReadOnlyList<string> Lab { get; } = ["/api/runs", "/api/experiments", "/api/adapters", "/api/baselines"];

    public static IEnumerable<string> OfRun(string runId) =>
        [$"/api/runs/{runId}", $"/api/runs/{runId}/performance-matrix", $"/api/runs/{runId}/scoreboard"];

    public static IEnumerable<string> OfExperiment(string runId, string experiment) =>
        [$"/api/runs/{runId}/experiments/{experiment}", $"/api/runs/{runId}/experiments/{experiment}/summary"];

    /// <summary>One cases page, with the query in the order the web app's <c>qs({ offset, limit })</c> writes it.</summary>
    public static string Cases(string runId, string experiment, long offset, int limit) =>
        FormattableString.Invariant($"/api/runs/{runId}/experiments/{experiment}/cases?offset={offset}&limit={limit}");

    /// <summary>Per list URL, the field of each item that names its run: items of runs not published are dropped.</summary>
    public static IReadOnlyDictionary<string, string> Filters { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/runs"] = "id",
        ["/api/baselines"] = "run_id",
    };

    public static JsonNode Filter(string url, JsonNode body, IReadOnlySet<string> runs) =>
        Filters.TryGetValue(url, out var field) && body is JsonArray items
            ? new JsonArray(items.Where(i => i?[field]?.GetValue<string>() is { } id && runs.Contains(id)).Select(i => i!.DeepClone()).ToArray())
            : body;
}
