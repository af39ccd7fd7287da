using System.Reflection.PortableExecutable;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Launcher;

/// <summary>The publish that scripts/setup.sh makes (and scripts/astrobench prefers) holds precompiled code for what a run loads.</summary>
public sealed class PublishTests
{
    private static readonly string Publish = Path.Combine(Repo.Root, "src", "AstroBench.Cli", "bin", "Release", "publish");

    [Theory]
    [InlineData("astrobench.dll")]
    [InlineData("AstroBench.Core.dll")]
    [InlineData("System.CommandLine.dll")]
    [InlineData("Spectre.Console.dll")]
    [InlineData("Parquet.dll")]
    public void Publish_IsReadyToRun(string assembly)
    {
        var path = Path.Combine(Publish, assembly);
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/setup.sh (it publishes the CLI)");
        using var pe = new PEReader(File.OpenRead(path));
        // A ReadyToRun image carries a managed native header beside its IL; a plain IL assembly has none.
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} in the publish is IL only");
    }
}
