using AstroBench.Core.Adapters;

namespace AstroBench.Core.Tests.Adapters;

/// <summary>An adapter's data_versions command (docs/libraries.md): parsed lines, and what a failing command records.</summary>
public sealed class DataVersionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ab-dataversions-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AdapterInfo Adapter(string command)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "lib"));
        File.WriteAllText(Path.Combine(_dir, "lib", "adapter.json"),
            "{ \"name\": \"lib\", \"protocol\": 1, \"language\": \"sh\", \"library\": \"x\", \"run\": [\"sh\", \"a.sh\"], " +
            "\"data_versions\": [\"sh\", \"-c\", \"" + command + "\"], \"experiments\": { \"gmst_era\": { \"model\": \"m\" } } }");
        return AdapterRegistry.Load([_dir]).Find("lib")!;
    }

    [Fact]
    public async Task Lines_BecomeKeys_AndAKeylessLineIsKeptAsANote()
    {
        var versions = await AdapterCommand.DataVersionsAsync(Adapter("printf 'leap_seconds: 2017-01-01\\\\neop: finals2000A 2026-11\\\\nwarning text\\\\n'"), default);

        Assert.Equal("2017-01-01", versions!["leap_seconds"]);
        Assert.Equal("finals2000A 2026-11", versions["eop"]);
        Assert.Equal("warning text", versions["note"]);
    }

    [Fact]
    public async Task AFailingCommand_IsRecordedAsAnError_NotParsedAsVersions()
    {
        var versions = await AdapterCommand.DataVersionsAsync(Adapter("echo 'leap_seconds: stale'; exit 3"), default);

        Assert.Equal(["error"], versions!.Keys);
        Assert.Contains("exited 3", versions["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatTheLibraryLogsOnStderr_StaysOutOfTheVersions()
    {
        // casacore logs "2026-12-01 15:44:42<TAB>SEVERE<TAB>…" on stderr while printing its versions: a timestamp
        // that parsed as a key made two runs' manifests differ.
        var versions = await AdapterCommand.DataVersionsAsync(
            Adapter("echo '2026-12-01 15:44:42 SEVERE table out of date' >&2; echo 'leap_seconds: 2017-01-01'"), default);

        Assert.Equal(["leap_seconds"], versions!.Keys);
    }
}
