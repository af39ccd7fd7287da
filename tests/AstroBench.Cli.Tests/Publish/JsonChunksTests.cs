using System.Text.Json.Nodes;
using AstroBench.Cli.Publish;

namespace AstroBench.Cli.Tests.Publish;

/// <summary>Large subtrees of an answer become shared chunks; small ones stay where they are.</summary>
public sealed class JsonChunksTests
{
    private static JsonArray Large(string tag) =>
        new(Enumerable.Range(0, 400).Select(i => (JsonNode)new JsonObject { ["i"] = i, ["tag"] = tag, ["model"] = "IAU 2006/2000A" }).ToArray());

    [Fact]
    public void TheSameLargeSubtreeTwice_IsOneChunk_AndSmallMembersStayInline()
    {
        var body = new JsonObject { ["id"] = "r1", ["experiments"] = new JsonObject { ["a"] = Large("x"), ["b"] = Large("x"), ["c"] = Large("y") } };

        var (root, chunks) = JsonChunks.Split(body);

        var parsed = JsonNode.Parse(root)!;
        Assert.Equal("r1", parsed["id"]!.GetValue<string>());
        var a = parsed["experiments"]!["a"]![JsonChunks.RefKey]!.GetValue<string>();
        Assert.Equal(a, parsed["experiments"]!["b"]![JsonChunks.RefKey]!.GetValue<string>());
        Assert.NotEqual(a, parsed["experiments"]!["c"]![JsonChunks.RefKey]!.GetValue<string>());
        Assert.Equal(2, chunks.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Large("x").ToJsonString(), chunks.First(c => c.Id == a).Json);
        Assert.All(chunks, c => Assert.True(c.Json.Length >= JsonChunks.MinBytes));
    }

    [Fact]
    public void ASmallAnswer_IsWrittenAsItIs()
    {
        var (root, chunks) = JsonChunks.Split(new JsonArray(new JsonObject { ["id"] = "r1" }));

        Assert.Equal("""[{"id":"r1"}]""", root);
        Assert.Empty(chunks);
    }
}
