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

    /// <summary>Lab-wide answers. The web app derives the filtered variants (a testbed, a state) from these in the browser.</summary>
    public static IReadOnlyList<string> Lab { get; } =
        ["/api/runs", "/api/experiments", "/api/adapters", "/api/baselines", "/api/history/testbeds", "/api/history/series", "/api/regressions"];

    /// <summary>Where a published URL's body is asked when that is not the URL itself: every change, not the first page.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/regressions"] = "/api/regressions?limit=5000",
    };

    /// <summary>The orders the Trends page asks for; each (experiment, library) is published in both, for every testbed at once.</summary>
    public static IReadOnlyList<string> HistoryOrders { get; } = ["time", "commit"];

    /// <summary>One series page, with the query in the order the web app's getHistory writes it (no testbed: all of them).</summary>
    public static string History(string experiment, string library, string order) =>
        $"/api/history?experiment={Uri.EscapeDataString(experiment)}&library={Uri.EscapeDataString(library)}&order={order}";

    /// <summary>
    /// The one exported form of an experiment's cases (web lib/staticDerived.ts answers every cases page from it): the
    /// columns and the ids of the chunks that hold them. Not an /api URL: the fragment keeps it apart from the real pages.
    /// </summary>
    public static string CasesExport(string runId, string experiment) => $"/api/runs/{runId}/experiments/{experiment}/cases#published";

    /// <summary>A chunk of case columns, named by its content: runs with the same inputs or the same outputs share it.</summary>
    public static string Chunk(string id) => $"/chunks/{id}";

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
