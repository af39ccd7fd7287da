using System.Diagnostics;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Launcher;

/// <summary>
/// scripts/astrobench (docs/engine.md, "Start-up and memory") runs the ReadyToRun publish when it is current and the
/// plain Release build otherwise. The real script runs in a copy of the checkout's layout whose two "binaries" are
/// scripts that say which one they are; file times are set explicitly, never taken from the clock.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private static readonly string[] Assemblies = ["astrobench.dll", "AstroBench.Core.dll", "AstroBench.Cli.Run.dll", "AstroBench.Server.dll"];
    private static readonly DateTime Built = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private string Release => Path.Combine(_lab.Dir, "src", "AstroBench.Cli", "bin", "Release");

    private void Binary(string folder, string says, DateTime time)
    {
        var dir = Path.Combine(Release, folder);
        Directory.CreateDirectory(dir);
        var exe = Path.Combine(dir, "astrobench");
        // Also says which orchestrator a server started through the launcher would spawn, when one was chosen.
        File.WriteAllText(exe, $"#!/bin/sh\necho {says} \"$@\" ${{AstroBench__OrchestratorPath:+orchestrator=$AstroBench__OrchestratorPath}}\n");
        // Executable like a build's apphost: the launcher only runs an executable publish.
        using (var chmod = Process.Start("chmod", ["+x", exe]))
        {
            chmod.WaitForExit();
        }
        foreach (var dll in Assemblies)
        {
            var path = Path.Combine(dir, dll);
            File.WriteAllText(path, says);
            File.SetLastWriteTimeUtc(path, time);
        }
    }

    private string Launch(string command = "--version")
    {
        var scripts = Path.Combine(_lab.Dir, "scripts");
        Directory.CreateDirectory(scripts);
        var launcher = Path.Combine(scripts, "astrobench");
        File.Copy(Path.Combine(Repo.Root, "scripts", "astrobench"), launcher, overwrite: true);
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(launcher);
        psi.ArgumentList.Add(command);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output.Trim();
    }

    [Fact]
    public void Launcher_RunsThePublish_WhenItIsNotOlderThanTheBuild()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));

        Assert.Equal("publish --version", Launch());
    }

    [Fact]
    public void Launcher_RunsTheBuild_WhenABuildAfterThePublishChangedAnAssembly()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        File.SetLastWriteTimeUtc(Path.Combine(Release, "net10.0", "AstroBench.Core.dll"), Built.AddMinutes(5));

        Assert.Equal("build --version", Launch());
    }

    [Fact]
    public void Launcher_RunsTheBuild_WhenThereIsNoPublish()
    {
        Binary("net10.0", "build", Built);

        Assert.Equal("build --version", Launch());
    }

    /// <summary>astrobench-run (src/AstroBench.Runner, Native AOT, published by setup): one executable and its IL build.</summary>
    private string Runner(DateTime time)
    {
        var release = Path.Combine(_lab.Dir, "src", "AstroBench.Runner", "bin", "Release");
        var dir = Directory.CreateDirectory(Path.Combine(release, "aot")).FullName;
        var exe = Path.Combine(dir, "astrobench-run");
        File.WriteAllText(exe, "#!/bin/sh\necho runner \"$@\" ${AstroBench__OrchestratorPath:+orchestrator=$AstroBench__OrchestratorPath}\n");
        using (var chmod = Process.Start("chmod", ["+x", exe]))
        {
            chmod.WaitForExit();
        }
        File.SetLastWriteTimeUtc(exe, time);
        var il = Path.Combine(Directory.CreateDirectory(Path.Combine(release, "net10.0")).FullName, "astrobench-run.dll");
        File.WriteAllText(il, "runner");
        File.SetLastWriteTimeUtc(il, Built);
        return exe;
    }

    [Fact]
    public void Launcher_RunsTheRunner_ForRunOnly_AndGivesItToTheServersOrchestrators()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        var runner = Runner(Built.AddMinutes(3));

        Assert.Equal($"runner run orchestrator={runner}", Launch("run"));
        Assert.Equal($"publish serve orchestrator={runner}", Launch("serve"));
    }

    [Theory]
    [InlineData("src/AstroBench.Cli/bin/Release/net10.0/AstroBench.Core.dll", "build run")]
    [InlineData("src/AstroBench.Cli/bin/Release/net10.0/AstroBench.Cli.Run.dll", "build run")]
    [InlineData("src/AstroBench.Runner/bin/Release/net10.0/astrobench-run.dll", "publish run")]
    public void Launcher_IgnoresTheRunner_WhenABuildAfterItChangedItsCode(string changed, string expected)
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        Runner(Built.AddMinutes(3));
        var path = Path.Combine(_lab.Dir, changed);
        File.WriteAllText(path, "rebuilt");
        File.SetLastWriteTimeUtc(path, Built.AddMinutes(5));

        Assert.Equal(expected, Launch("run"));
    }

    [Fact]
    public void Launcher_KeepsTheRunner_WhenABuildChangedOnlyServerCode()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        var runner = Runner(Built.AddMinutes(3));
        File.SetLastWriteTimeUtc(Path.Combine(Release, "net10.0", "AstroBench.Server.dll"), Built.AddMinutes(5));

        Assert.Equal($"runner run orchestrator={runner}", Launch("run"));
    }
}
