using System.Text.Json;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Orchestration;

public sealed class ExitRecordFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("astrobench-exit-record-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<ExitRecord> Records() => new()
    {
        new ExitRecord(RunStatus.Completed, 0, "2026-11-29_01-02-03", "/abs/results/2026-11-29_01-02-03", null, 12345,
            new DateTimeOffset(2026, 11, 29, 1, 2, 15, 123, TimeSpan.Zero)),
        new ExitRecord(RunStatus.Failed, 1, null, null, "gmst_era failed: crash non_zero_exit: exit code 3 (stderr: \"boom\" ü)", 7,
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero)),
        new ExitRecord(RunStatus.Cancelled, 143, null, null, "cancelled", 99, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        new ExitRecord(RunStatus.Failed, null, null, null, null, null, null),
        new ExitRecord(RunStatus.Paused, 75, null, null, "paused before kepler_solver", 5, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            "/abs/results/.staging/2026-06-01_00-00-00"),
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void WriteThenRead_GivesTheSameRecord_UnderDeDe(ExitRecord record)
    {
        using var _ = new CultureScope("de-DE");
        var path = Path.Combine(_dir.FullName, "exit.json");

        ExitRecordFile.Write(path, record);

        Assert.Equal(record, ExitRecordFile.TryRead(path));
        Assert.Equal(["exit.json"], _dir.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void DocumentedExample_InDocsCli_ParsesAndWritesBackTheSameJson()
    {
        var example = Docs.CodeBlocks("cli.md").Single(b => b.Info == "json" && b.Lines.Any(l => l.Contains("\"exit_code\"", StringComparison.Ordinal)));
        var json = string.Join('\n', example.Lines);

        var record = ExitRecordFile.TryParse(json);

        Assert.Equal(new ExitRecord(RunStatus.Completed, 0, "2026-11-29_01-02-03", "/abs/results/2026-11-29_01-02-03", null, 12345,
            new DateTimeOffset(2026, 11, 29, 1, 2, 15, 123, TimeSpan.Zero)), record);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(ExitRecordFile.Serialize(record!)).RootElement));
    }

    [Fact]
    public void Writer_UsesTheDocumentedFieldNamesAndFormats()
    {
        var json = ExitRecordFile.Serialize(new ExitRecord(RunStatus.Cancelled, 130, null, null, "cancelled", 1,
            new DateTimeOffset(2026, 11, 29, 2, 2, 15, 5, TimeSpan.FromHours(1))));

        Assert.Contains("\"status\": \"cancelled\"", json, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\": 130", json, StringComparison.Ordinal);
        Assert.Contains("\"run_id\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"finished_at\": \"2026-11-29T01:02:15.005Z\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"status\": \"weird\", \"exit_code\": 0}")]
    [InlineData("{\"status\": 3}")]
    [InlineData("{\"status\": \"completed\", \"exit_code\": 0, \"run_id\": \"2026-")]
    public void Garbage_ReadsAsNoRecord(string content)
    {
        var path = Path.Combine(_dir.FullName, "exit.json");
        File.WriteAllText(path, content);

        Assert.Null(ExitRecordFile.TryRead(path));
    }

    [Fact]
    public void MissingFile_ReadsAsNoRecord() => Assert.Null(ExitRecordFile.TryRead(Path.Combine(_dir.FullName, "none.json")));

    [Fact]
    public void MalformedOptionalFields_AreDropped_TheStatusIsKept()
    {
        var record = ExitRecordFile.TryParse("""{ "status": "failed", "exit_code": "one", "run_id": "-", "pid": 1.5, "finished_at": "yesterday" }""");

        Assert.Equal(new ExitRecord(RunStatus.Failed, null, null, null, null, null, null), record);
    }
}
