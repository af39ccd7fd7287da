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
    private static readonly string[] Assemblies = ["astrobench.dll", "AstroBench.Core.dll", "AstroBench.Server.dll"];
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

    /// <summary>The Native AOT build (scripts/publish-aot.sh): one executable, timed like the publish's assemblies.</summary>
    private string Aot(DateTime time)
    {
        var dir = Path.Combine(Release, "aot");
        Directory.CreateDirectory(dir);
        var exe = Path.Combine(dir, "astrobench");
        File.WriteAllText(exe, "#!/bin/sh\necho aot \"$@\" ${AstroBench__OrchestratorPath:+orchestrator=$AstroBench__OrchestratorPath}\n");
        using (var chmod = Process.Start("chmod", ["+x", exe]))
        {
            chmod.WaitForExit();
        }
        File.SetLastWriteTimeUtc(exe, time);
        return exe;
    }

    [Fact]
    public void Launcher_RunsTheAotBuild_ForRunOnly_AndGivesItToTheServersOrchestrators()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        var aot = Aot(Built.AddMinutes(3));

        Assert.Equal($"aot run orchestrator={aot}", Launch("run"));
        Assert.Equal($"publish serve orchestrator={aot}", Launch("serve"));
    }

    [Fact]
    public void Launcher_IgnoresTheAotBuild_WhenABuildAfterItChangedAnAssembly()
    {
        Binary("net10.0", "build", Built);
        Binary("publish", "publish", Built.AddMinutes(2));
        Aot(Built.AddMinutes(3));
        File.SetLastWriteTimeUtc(Path.Combine(Release, "net10.0", "AstroBench.Server.dll"), Built.AddMinutes(5));

        Assert.Equal("build run", Launch("run"));
    }
}
