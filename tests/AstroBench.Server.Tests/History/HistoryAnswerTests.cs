using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Core.History;
using AstroBench.Server.Events;
using AstroBench.Server.History;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Tests.History;

/// <summary>
/// <c>GET /api/history</c> as written straight from the index and cached by index version: the same bytes as the plain
/// serialized records, a new run or a re-stated change in the very next answer, the same answer while nothing changed,
/// compressed forms that decode to it, and a bounded cache.
/// </summary>
public sealed class HistoryAnswerTests : IDisposable
{
    private const string Url = "/api/history?experiment=gmst_era&library=libnova";
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _lab.DeleteRoot();
    }

    private ResultsIndex Index => _lab.Factory.Services.GetRequiredService<ResultsIndex>();

    private JsonSerializerOptions Options => _lab.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>Run i: accuracy and performance of libnova; the version changes at run 3, commits repeat in pairs, run 7 is smoke, run 8's performance too short, run 9 has no commit.</summary>
    private string Write(int i, double mean = 0.01)
    {
        var result = new SyntheticResult("gmst_era", "libnova")
        {
            Mean = mean, MedianNs = 40 + i % 3, SamplesNs = [40, 41, 42 + i % 3],
            PerfValid = i != 8, InvalidReason = i == 8 ? "too_few_rounds: 2 < 5" : null,
        };
        return SyntheticRuns.Write(_lab.ResultsDir, SyntheticRuns.Id(i), [result], SyntheticRuns.Bench, gitSha: i == 9 ? null : $"{i / 2:x40}",
            versions: new Dictionary<string, string> { ["libnova"] = $"libnova-adapter 1.0.0; libnova {(i < 3 ? "0.15" : "0.16")}" }, ciMode: i == 7);
    }

    private void IndexRun(int i, double mean = 0.01) => Index.IndexRun(Write(i, mean));

    [Fact]
    public async Task Bytes_AreThoseOfTheSerializedRecords_InEveryOrderAndFilter()
    {
        Directory.CreateDirectory(_lab.ResultsDir);
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>();
        for (var i = 0; i < 10; i++)
        {
            Write(i, i < 5 ? 0.01 : 0.0105);
            events.Append(LabEventTypes.RunPublished, null, SyntheticRuns.Id(i), new JsonObject());
        }
        await Eventually.True(() => events.ReadAfter(0).Any(e => e.Type == LabEventTypes.RegressionDetected), "a regression.detected event");
        var queries = _lab.Factory.Services.GetRequiredService<HistoryQueries>();
        var key = SyntheticRuns.Bench.Key;
        (string Query, Func<byte[]> Reference)[] cases =
        [
            ("", () => ReferenceHistory.Json(queries, Options, "gmst_era", "libnova")),
            ("&order=commit", () => ReferenceHistory.Json(queries, Options, "gmst_era", "libnova", order: "commit")),
            ("&metric=error_arcsec&limit=4", () => ReferenceHistory.Json(queries, Options, "gmst_era", "libnova", metric: "error_arcsec", limit: 4)),
            ($"&testbed={key}&metric=median_ns&order=commit", () => ReferenceHistory.Json(queries, Options, "gmst_era", "libnova", key, "median_ns", order: "commit")),
            ("&testbed=unknown", () => ReferenceHistory.Json(queries, Options, "gmst_era", "libnova", "unknown")),
        ];
        foreach (var (query, reference) in cases)
        {
            // Eventually: the follower may still store a change between the two reads; a wrong byte never converges (and shows below).
            var (answer, expected) = ("", "");
            try
            {
                await Eventually.True(async () => (answer = Encoding.UTF8.GetString(await _lab.Client.GetByteArrayAsync(Url + query)))
                    == (expected = Encoding.UTF8.GetString(reference())), $"GET {Url}{query} answers the serialized records", TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                Assert.Equal(expected, answer);
            }
        }
        var all = (await _lab.GetJson(Url)).AsArray();
        Assert.Equal(2, all.Count);
        Assert.Contains(all, s => s!["points"]!.AsArray().Any(p => p!["change_id"] is not null) && s["changes"]!.AsArray().Count > 0);
        Assert.All(all, s => Assert.NotNull(s!["points"]![3]!["version_change"]));
    }

    [Fact]
    public async Task ANewlyIndexedRun_IsInTheNextAnswer()
    {
        for (var i = 0; i < 3; i++)
        {
            IndexRun(i);
        }
        var before = (await _lab.GetJson(Url)).AsArray();
        IndexRun(3);
        var after = (await _lab.GetJson(Url)).AsArray();

        Assert.All(before, s => Assert.Equal(3, s!["points"]!.AsArray().Count));
        Assert.All(after, s => Assert.Equal(SyntheticRuns.Id(3), s!["points"]!.AsArray()[^1]!["run_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUnchangedIndex_ServesTheSameAnswer()
    {
        IndexRun(0);
        IndexRun(1);
        var cache = _lab.Factory.Services.GetRequiredService<HistoryAnswerCache>();
        var q = new HistoryQuery("gmst_era", "libnova", null, null, HistoryApi.DefaultLimit, HistoryJson.TimeOrder);

        var first = await _lab.Client.GetByteArrayAsync(Url);
        var second = await _lab.Client.GetByteArrayAsync(Url + "&limit=1000&order=time");

        Assert.Equal(first, second);
        Assert.Same(cache.Get(q), cache.Get(q));
        Assert.Equal(first, cache.Get(q).Json);
    }

    [Fact]
    public async Task ARestatedChange_IsInTheNextAnswer()
    {
        for (var i = 0; i < 8; i++)
        {
            IndexRun(i, i < 5 ? 0.01 : 0.0105);
        }
        new RegressionScanner(Index).ScanPending();
        var open = (await _lab.GetJson(Url + "&metric=error_arcsec")).AsArray()[0]!["changes"]!.AsArray();
        var id = Assert.Single(open)!["id"]!.GetValue<string>();

        var patch = await _lab.Client.PatchAsync($"/api/regressions/{id}", JsonContent.Create(new { state = "acknowledged", by = "ana" }));
        patch.EnsureSuccessStatusCode();
        var after = (await _lab.GetJson(Url + "&metric=error_arcsec")).AsArray()[0]!["changes"]!.AsArray();

        Assert.Equal("open", open[0]!["state"]!.GetValue<string>());
        Assert.Equal("acknowledged", Assert.Single(after)!["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0", null)]
    [InlineData("identity", null)]
    public async Task AcceptEncoding_ChoosesTheCoding_AndTheBodyDecodesToTheJson(string accept, string? coding)
    {
        IndexRun(0);
        var json = await _lab.Client.GetByteArrayAsync(Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);

        using var response = await _lab.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(coding is null ? [] : [coding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(json, Decode(body, coding));
    }

    [Fact]
    public async Task TheBudget_DropsTheLeastRecentlyUsedAnswer()
    {
        for (var i = 0; i < 3; i++)
        {
            IndexRun(i);
        }
        await _lab.GetJson(Url);
        var options = _lab.Factory.Services.GetRequiredService<IOptions<JsonOptions>>();
        var a = new HistoryQuery("gmst_era", "libnova", null, null, 3, HistoryJson.TimeOrder);
        var b = a with { Limit = 2 };
        var one = new HistoryAnswerCache(Index, options).Get(a).Size;
        var cache = new HistoryAnswerCache(Index, options) { BudgetBytes = one + 1 };

        var firstA = cache.Get(a);
        var firstB = cache.Get(b);

        Assert.Same(firstB, cache.Get(b));
        Assert.NotSame(firstA, cache.Get(a));
    }

    private static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null)
        {
            return body;
        }
        using Stream z = coding == "br" ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress) : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }
}
