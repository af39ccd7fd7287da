using AstroBench.Core.Adapters;

namespace AstroBench.Core.Tests.Adapters;

public sealed class AdapterRegistryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-registry-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Manifest(string folder, string json)
    {
        Directory.CreateDirectory(Path.Combine(_dir, folder));
        File.WriteAllText(Path.Combine(_dir, folder, "adapter.json"), json);
    }

    private static string Valid(string name, string role = "candidate", string extra = "") =>
        "{ \"name\": \"" + name + "\", \"protocol\": 1, \"language\": \"sh\", \"library\": \"x\", \"run\": [\"sh\", \"a.sh\"]" + extra +
        ", \"experiments\": { \"gmst_era\": { \"model\": \"m\", \"role\": \"" + role + "\" } } }";

    [Fact]
    public void BrokenManifests_AreReported_AndDoNotHideTheOthers()
    {
        Manifest("good", Valid("good"));
        Manifest("badjson", "{ not json");
        Manifest("renamed", Valid("other"));
        Manifest("future", Valid("future").Replace("\"protocol\": 1", "\"protocol\": 2", StringComparison.Ordinal));

        var registry = AdapterRegistry.Load([_dir]);

        Assert.Equal(["good"], registry.Adapters.Select(a => a.Name));
        Assert.Contains(registry.Problems, p => p.Contains("badjson", StringComparison.Ordinal) && p.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("must match the folder name", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("protocol 2 is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void ProtocolList_DeclaresVersions2And3_AndEncodings_WhileUnknownVersionsAndEncodingsAreRefused()
    {
        string With(string name, string protocol, string encodings = "") =>
            Valid(name).Replace("\"protocol\": 1", "\"protocol\": " + protocol + encodings, StringComparison.Ordinal);
        Manifest("both", With("both", "[1, 2]", ", \"encodings\": [\"decimal\", \"hex\"]"));
        Manifest("only1", Valid("only1"));
        Manifest("v3", With("v3", "[1, 3]"));
        Manifest("v4", With("v4", "[1, 4]"));
        Manifest("v34", With("v34", "[1, 3, 4]"));
        Manifest("v5", With("v5", "[1, 3, 4, 5]"));
        Manifest("v35", With("v35", "[1, 3, 5]"));
        Manifest("v6", With("v6", "[1, 6]"));
        Manifest("v7", With("v7", "[1, 3, 4, 5, 7]"));
        Manifest("v7no4", With("v7no4", "[1, 7]"));
        Manifest("v8", With("v8", "[1, 3, 4, 5, 8]"));
        Manifest("no1", With("no1", "[2]"));
        Manifest("morse", With("morse", "[1, 2]", ", \"encodings\": [\"morse\"]"));

        var registry = AdapterRegistry.Load([_dir]);

        Assert.Equal(["both", "only1", "v3", "v34", "v5", "v6", "v7"], registry.Adapters.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.True(registry.Find("v34")!.Manifest.SpeaksV4);
        Assert.False(registry.Find("v3")!.Manifest.SpeaksV4);
        Assert.True(registry.Find("v5")!.Manifest.SpeaksV5);
        Assert.False(registry.Find("v34")!.Manifest.SpeaksV5);
        Assert.True(registry.Find("v6")!.Manifest.SpeaksV6); // protocol 6 (the ready line) needs only 1
        Assert.False(registry.Find("v5")!.Manifest.SpeaksV6);
        Assert.True(registry.Find("v7")!.Manifest.SpeaksV7); // protocol 7 (probe chunks) builds on 4
        Assert.False(registry.Find("v6")!.Manifest.SpeaksV7);
        Assert.Contains(registry.Problems, p => p.Contains("protocol 1,7 is not supported", StringComparison.Ordinal) && p.Contains("5 and 7 need 4", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("protocol 1,3,4,5,8 is not supported", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("protocol 1,3,5 is not supported", StringComparison.Ordinal) && p.Contains("5 and 7 need 4", StringComparison.Ordinal));
        Assert.True(registry.Find("v3")!.Manifest.SpeaksV3);
        Assert.False(registry.Find("v3")!.Manifest.SpeaksV2);
        Assert.False(registry.Find("both")!.Manifest.SpeaksV3);
        Assert.True(registry.Find("both")!.Manifest.SpeaksV2);
        Assert.Equal(AstroBench.Core.Protocol.WireEncoding.Hex, registry.Find("both")!.Manifest.BestEncoding);
        Assert.False(registry.Find("only1")!.Manifest.SpeaksV2);
        Assert.Contains(registry.Problems, p => p.Contains("protocol 1,4 is not supported", StringComparison.Ordinal) && p.Contains("4 needs 3", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("protocol 2 is not supported", StringComparison.Ordinal));
        Assert.Contains(registry.Problems, p => p.Contains("unknown encoding 'morse'", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingRequirement_MakesTheAdapterUnavailable_WithTheInstallHint()
    {
        Manifest("needy", Valid("needy", extra: """, "requires": [ { "path": "/nonexistent/lib.h", "install_hint": "apt-get install libneedy-dev" } ]"""));

        var adapter = Assert.Single(AdapterRegistry.Load([_dir]).Adapters);

        Assert.False(adapter.Available);
        Assert.Contains("apt-get install libneedy-dev", adapter.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeRequirement_IsResolvedAgainstTheAdapterFolder()
    {
        Manifest("common", "");
        File.Delete(Path.Combine(_dir, "common", "adapter.json"));
        File.WriteAllText(Path.Combine(_dir, "common", "shared.py"), "");
        Manifest("uses", Valid("uses", extra: """, "requires": [ { "path": "../common/shared.py" } ]"""));
        Manifest("lacks", Valid("lacks", extra: """, "requires": [ { "path": "../common/missing.py" } ]"""));

        var registry = AdapterRegistry.Load([_dir]);

        Assert.True(registry.Find("uses")!.Available, registry.Find("uses")!.UnavailableReason);
        Assert.False(registry.Find("lacks")!.Available);
    }

    [Fact]
    public void UnbuiltProgram_IsUnavailable_WithTheBuildHint()
    {
        Manifest("unbuilt", Valid("unbuilt").Replace("[\"sh\", \"a.sh\"]", "[\"build/prog\"]", StringComparison.Ordinal));

        var adapter = Assert.Single(AdapterRegistry.Load([_dir]).Adapters);

        Assert.False(adapter.Available);
        Assert.Contains("astrobench adapters build", adapter.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoReferenceClaims_AreReported_AndTheFirstWins()
    {
        Manifest("aaa", Valid("aaa", role: "reference"));
        Manifest("bbb", Valid("bbb", role: "reference"));

        var registry = AdapterRegistry.Load([_dir]);

        Assert.Equal("aaa", registry.ReferenceFor("gmst_era")!.Name);
        Assert.Contains(registry.Problems, p => p.Contains("claim the reference role for 'gmst_era'", StringComparison.Ordinal));
    }
}
