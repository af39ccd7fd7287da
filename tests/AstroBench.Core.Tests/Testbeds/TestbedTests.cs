using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Testbeds;
using AstroBench.Core.Tests.Orchestration;

namespace AstroBench.Core.Tests.Testbeds;

public sealed class TestbedTests
{
    private static Testbed Sample(string? label) => Testbed.Create("AMD EPYC 7B13", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc (Debian 14.2.0-19) 14.2.0", label);

    [Fact]
    public void Key_Is16LowercaseHex_AndStableAcrossCalls()
    {
        var a = Sample(null);
        Assert.Matches("^[0-9a-f]{16}$", a.Key);
        Assert.Equal(a.Key, Sample(null).Key);
        Assert.True(Testbed.IsValidKey(a.Key));
    }

    [Fact]
    public void Label_IsPartOfTheKey()
    {
        Assert.NotEqual(Sample(null).Key, Sample("ci-runner").Key);
        Assert.NotEqual(Sample("a").Key, Sample("b").Key);
    }

    [Fact]
    public void EveryCanonicalField_ChangesTheKey()
    {
        var keys = new[]
        {
            Sample(null).Key,
            Testbed.Create("other cpu", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc (Debian 14.2.0-19) 14.2.0", null).Key,
            Testbed.Create("AMD EPYC 7B13", 4, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "gcc (Debian 14.2.0-19) 14.2.0", null).Key,
            Testbed.Create("AMD EPYC 7B13", 2, "Ubuntu", ".NET 10.0.0", "gcc (Debian 14.2.0-19) 14.2.0", null).Key,
            Testbed.Create("AMD EPYC 7B13", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.1", "gcc (Debian 14.2.0-19) 14.2.0", null).Key,
            Testbed.Create("AMD EPYC 7B13", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.0", "clang", null).Key,
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void NewlineInAValue_CannotForgeAnotherField()
    {
        // Without the escaping, cpu "x\ncores=2" with 3 cores and cpu "x" with 2 cores would hash overlapping text.
        var forged = Testbed.Create("x\ncores=2", 3, "o", "r", "c", null);
        var plain = Testbed.Create("x", 2, "o", "r", "c", null);
        Assert.NotEqual(forged.Key, plain.Key);
        Assert.Contains("cpu_model=x\\ncores=2\n", Testbed.CanonicalText("x\ncores=2", 3, "o", "r", "c", null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ci-runner", true)]
    [InlineData("box_1.local", true)]
    [InlineData("", false)]
    [InlineData("-flag", false)]
    [InlineData("a b", false)]
    [InlineData("../x", false)]
    public void Label_Pattern(string label, bool valid) => Assert.Equal(valid, Testbed.IsValidLabel(label));

    [Fact]
    public void DocumentedExample_HasTheKeyOfItsFields()
    {
        var block = Docs.CodeBlocks("history.md").First(b => b.Info == "json" && string.Join('\n', b.Lines).Contains("\"testbed\"", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(string.Join('\n', block.Lines));
        var t = doc.RootElement.GetProperty("testbed").Deserialize<Testbed>(ResultJson.Options)!;
        Assert.Equal(Testbed.KeyOf(t.CpuModel, t.Cores, t.Os, t.Runtime, t.Compiler, t.Label), t.Key);
    }

    [Fact]
    public void Manifest_RoundTripsTheTestbed_AndOlderManifestsHaveNone()
    {
        var manifest = new RunManifest(RunManifest.SchemaId, "2026-11-29_01-02-03", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            new RunConfig(["gmst_era"], ["erfa"], 10, 1, 3, false, false, null),
            new RunEnvironment("m", "cpu", 2, "os", ".NET", "cc", null, null), [], new RunCompleteness([], [], [], true), [],
            new RunTiming(0, 0, 0, 0), [], Testbed: Sample("lab"));
        var json = JsonSerializer.Serialize(manifest, ResultJson.Options);
        Assert.Contains("\"testbed\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"cpu_model\": \"AMD EPYC 7B13\"", json, StringComparison.Ordinal);
        Assert.Equal(manifest.Testbed, JsonSerializer.Deserialize<RunManifest>(json, ResultJson.Options)!.Testbed);

        var older = JsonSerializer.Deserialize<RunManifest>(json.Replace("\"testbed\"", "\"x_testbed\"", StringComparison.Ordinal), ResultJson.Options)!;
        Assert.Null(older.Testbed);
        Assert.Equal(Testbed.UnknownKey, Testbed.KeyOrUnknown(older.Testbed));
    }
}
