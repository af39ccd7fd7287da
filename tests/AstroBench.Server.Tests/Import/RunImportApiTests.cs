using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AstroBench.Server.Events;

namespace AstroBench.Server.Tests.Import;

/// <summary><c>POST /api/runs/import</c>: a downloaded run round-trips into another lab; refusals answer 409/422 and write nothing.</summary>
public sealed class RunImportApiTests : IDisposable
{
    private const string RunId = "2026-03-04_05-06-07";
    private readonly Lab _lab = new();

    public void Dispose() => _lab.Dispose();

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return memory.ToArray();
    }

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> Post(byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await _lab.Client.PostAsync("/api/runs/import", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task ADownloadedRun_ImportsIntoAnotherLab_UnderItsTestbed_AndAnnouncesRunImported()
    {
        using var other = new Lab();
        GateRuns.Write(other.ResultsDir, RunId, "0123456789abcdef",
            new GateResult("gmst_era", "erfa", 0, 0, GateRuns.Flat(100)), new GateResult("gmst_era", "libnova", 0.09, 0.1, GateRuns.Flat(200)));
        var zip = await other.Client.GetByteArrayAsync($"/api/runs/{RunId}/download");
        Assert.NotEmpty(zip);

        var (response, body) = await Post(zip);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/runs/{RunId}", response.Headers.Location?.ToString());
        Assert.Equal("0123456789abcdef", body!["testbed"]!.GetValue<string>());
        DocExamples.AssertSameKeys(DocExamples.Example("publish-import.md", "### Import answer (201)"), body);
        Assert.Equal(RunId, (await _lab.GetJson($"/api/runs/{RunId}"))["id"]!.GetValue<string>());
        var imported = _lab.Factory.Services.GetService(typeof(LabEventLog)) as LabEventLog;
        Assert.Contains(imported!.ReadAfter(0), e => e.Type == LabEventTypes.RunImported && e.RunId == RunId);

        var (again, problem) = await Post(zip);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("duplicate", problem!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUploadAboveTheJsonBodyLimit_IsAccepted()
    {
        // Random bytes in base64 do not deflate: the upload itself is above the server's 64 KiB JSON limit.
        var big = Convert.ToBase64String(RandomNumberGenerator.GetBytes(200 * 1024));
        var (response, _) = await Post(Zip(($"{RunId}/manifest.json", $$"""{"run_id":"{{RunId}}"}"""), ($"{RunId}/notes.txt", big)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("../evil.json", "unsafe_path")]
    [InlineData("/etc/evil.json", "unsafe_path")]
    public async Task ARefusedArchive_Answers422WithItsCode_AndWritesNothing(string name, string code)
    {
        var (response, body) = await Post(Zip(($"{RunId}/manifest.json", $$"""{"run_id":"{{RunId}}"}"""), (name, "{}")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, body!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["detail"]!.GetValue<string>()));
        DocExamples.AssertSameKeys(DocExamples.Example("publish-import.md", "### Import refused (422)"), body);
        Assert.Empty(_lab.RunFolders());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_lab.ResultsDir, ".staging")));
    }

    [Fact]
    public async Task NotAZip_Answers422()
    {
        var (response, body) = await Post("hello"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("bad_archive", body!["code"]!.GetValue<string>());
    }
}
