using System.Text.Json;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Tests.Orchestration;

namespace AstroBench.Core.Tests.Results.Checkpoints;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("astrobench-checkpoint-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string DocumentedExample() =>
        string.Join('\n', Docs.CodeBlocks("checkpoints.md").Single(b => b.Info == "json" && b.Lines.Any(l => l.Contains("astrobench.checkpoint/1", StringComparison.Ordinal))).Lines);

    [Fact]
    public void DocumentedExample_InDocsCheckpoints_ParsesAndFormatsBackTheSameJson()
    {
        var json = DocumentedExample();

        var checkpoint = CheckpointFile.Parse(json);

        Assert.Equal("2026-11-29_01-02-03", checkpoint.RunId);
        Assert.Equal(["gmst_era"], checkpoint.Completed);
        Assert.Equal(new RunSegment(new DateTimeOffset(2026, 11, 29, 1, 2, 3, 120, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 29, 1, 2, 9, 874, TimeSpan.Zero), RunSegmentReasons.Paused), Assert.Single(checkpoint.Segments));
        Assert.Equal(["erfa", "libnova"], checkpoint.Plan[1].Libraries);
        Assert.Equal(120, checkpoint.Config.TimeoutS);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(CheckpointFile.Format(checkpoint)).RootElement));
    }

    [Fact]
    public void WriteThenRead_GivesTheSameCheckpoint_UnderDeDe_AndLeavesNoTempFile()
    {
        using var _ = new CultureScope("de-DE");
        var checkpoint = CheckpointFile.Parse(DocumentedExample());

        CheckpointFile.Write(_dir.FullName, checkpoint);
        var read = CheckpointFile.Read(_dir.FullName);

        Assert.Equal(CheckpointFile.Format(checkpoint), CheckpointFile.Format(read));
        Assert.Contains("\"adapter_calls_s\": 5.912", File.ReadAllText(CheckpointFile.PathIn(_dir.FullName)), StringComparison.Ordinal);
        Assert.Equal([CheckpointFile.FileName], _dir.GetFiles().Select(f => f.Name));
    }

    [Theory]
    [InlineData("not json", "not a checkpoint file")]
    [InlineData("{\"schema\": \"astrobench.run/1\"}", "unsupported checkpoint schema 'astrobench.run/1'")]
    [InlineData("{\"schema\": \"astrobench.checkpoint/1\", \"run_id\": \"x\"}", "checkpoint file is incomplete")]
    public void Garbage_OtherSchemas_AndIncompleteFiles_AreRefusedWithOneLine(string json, string expected)
    {
        var ex = Assert.Throws<CheckpointException>(() => CheckpointFile.Parse(json));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void AMissingFile_IsRefusedWithOneLine() =>
        Assert.StartsWith("no checkpoint at", Assert.Throws<CheckpointException>(() => CheckpointFile.Read(_dir.FullName)).Message, StringComparison.Ordinal);
}
