using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>The leap-second/EOP/ΔT data each library used reaches the run manifest, per library entry (issue 13).</summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunDataVersionsTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task Manifest_RecordsEachLibrarysDataVersions_AndOmitsThemForAdaptersWithoutTheCommand()
    {
        var result = await CliProcess.RunAsync(_lab.Dir,
            ["run", "--adapters-dir", Repo.Adapters, "--libraries", "astronomia,libnova", "--experiments", "time_scales,gmst_era", "--n", "20", "--no-perf"]);

        Assert.True(result.ExitCode == 0, result.All);
        var manifest = new RunFolder(Assert.Single(_lab.Runs())).Manifest;
        var erfa = Assert.Single(manifest.Adapters, a => a.Name == "erfa");
        Assert.NotNull(erfa.DataVersions);
        Assert.Matches(@"^liberfa \S+ built-in table, \d+ entries, last \d{4}-\d{2}-01 TAI-UTC \d+\.\d s$", erfa.DataVersions["leap_seconds"]);
        Assert.Contains("delta_t", erfa.DataVersions.Keys);
        Assert.Contains("none", Assert.Single(manifest.Adapters, a => a.Name == "astronomia").DataVersions!["leap_seconds"], StringComparison.Ordinal);
        // libnova declares no data_versions command: the field is absent, not an empty or invented entry.
        Assert.Null(Assert.Single(manifest.Adapters, a => a.Name == "libnova").DataVersions);
        var json = File.ReadAllText(Path.Combine(Assert.Single(_lab.Runs()), "manifest.json"));
        Assert.Contains("\"data_versions\"", json, StringComparison.Ordinal);

        // docs/libraries.md shows the erfa entry of a real manifest: same fields, same data_versions keys.
        var doc = DocumentedErfaEntry();
        var real = System.Text.Json.Nodes.JsonNode.Parse(json)!["adapters"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "erfa")!.AsObject();
        Assert.Equal(doc.Select(p => p.Key).Order(StringComparer.Ordinal), real.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(doc["data_versions"]!.AsObject().Select(p => p.Key), real["data_versions"]!.AsObject().Select(p => p.Key));
    }

    private static System.Text.Json.Nodes.JsonObject DocumentedErfaEntry()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "libraries.md"));
        var start = text.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return System.Text.Json.Nodes.JsonNode.Parse(text[start..end])!.AsObject();
    }
}
