using System.Text.Json;
using AstroBench.Core.Caching;
using AstroBench.Core.Results;

namespace AstroBench.Core.Tests.Caching;

/// <summary>This machine's uncontended levels remembered across runs (docs/engine.md, "Remembered levels"): what is kept,
/// what is refused (another machine, too old, unreadable), and a run contended throughout never replacing a good level.</summary>
public sealed class RememberedLevelsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-levels-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File_ => RememberedLevels.PathFor(_dir);

    [Fact]
    public async Task Saved_ThenLoaded_OnTheSameMachine()
    {
        await RememberedLevels.SaveAsync(File_, RememberedLevels.Next(null, "m", 24.9, 20.3, "run-1", Now), CancellationToken.None);

        var levels = RememberedLevels.Load(File_, "m", Now + TimeSpan.FromHours(1))!;

        Assert.Equal((24.9, "run-1", 20.3), (levels.Probe!.LevelNs, levels.Probe.Run, levels.Chunks!.LevelNs));
        Assert.EndsWith(Path.Combine(".cache", "machine", "contention-levels.json"), File_, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFile_RoundTrips_WithTheCompileTimeMetadataAlone()
    {
        // astrobench-run is Native AOT: no reflection fallback, so a type missing from ResultJsonContext fails the run there only.
        var aot = new JsonSerializerOptions(ResultJson.Options) { TypeInfoResolver = ResultJsonContext.Default };
        var levels = RememberedLevels.Next(null, "m", 24.9, null, "run-1", Now);

        var back = JsonSerializer.Deserialize<RememberedLevels>(JsonSerializer.Serialize(levels, aot), aot)!;

        Assert.Equal((levels.Schema, levels.Machine, levels.Probe, levels.Chunks), (back.Schema, back.Machine, back.Probe, back.Chunks));
    }

    [Fact]
    public async Task AnotherMachinesLevels_OrTooOldOnes_AreNotUsed()
    {
        await RememberedLevels.SaveAsync(File_, RememberedLevels.Next(null, "m", 24.9, null, "run-1", Now), CancellationToken.None);

        Assert.Null(RememberedLevels.Load(File_, "another", Now));
        Assert.Null(RememberedLevels.Load(File_, "m", Now + RememberedLevels.MaxAge + TimeSpan.FromMinutes(1)));
        Assert.NotNull(RememberedLevels.Load(File_, "m", Now + RememberedLevels.MaxAge));
        Assert.Null(RememberedLevels.Load(File_, "m", Now - TimeSpan.FromHours(1))); // seen in the future: the clock moved
    }

    [Fact]
    public async Task AMissingOrUnreadableFile_IsNoLevel()
    {
        Assert.Null(RememberedLevels.Load(File_, "m", Now));
        Directory.CreateDirectory(Path.GetDirectoryName(File_)!);
        await File.WriteAllTextAsync(File_, "{ not json");
        Assert.Null(RememberedLevels.Load(File_, "m", Now));
    }

    [Fact]
    public void ARunThatSawTheMachineUncontended_ReplacesTheLevel_OneContendedThroughoutKeepsTheOldOne()
    {
        var before = new RememberedLevel(20.0, "run-1", Now);
        var later = Now + TimeSpan.FromHours(2);

        Assert.Equal(new RememberedLevel(22.0, "run-2", later), RememberedLevel.Next(before, 22.0, "run-2", later)); // within 12 %
        Assert.Equal(new RememberedLevel(19.0, "run-2", later), RememberedLevel.Next(before, 19.0, "run-2", later)); // faster
        Assert.Same(before, RememberedLevel.Next(before, 30.0, "run-2", later)); // contended throughout: kept, and it ages out
        Assert.Same(before, RememberedLevel.Next(before, null, "run-2", later)); // the run had no level of its own
        Assert.Equal(new RememberedLevel(30.0, "run-2", later), RememberedLevel.Next(null, 30.0, "run-2", later));
    }
}
