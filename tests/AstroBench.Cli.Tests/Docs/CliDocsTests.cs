using System.Text.RegularExpressions;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Docs;

/// <summary>docs/cli.md's command table names every command the real binary offers (top level and <c>runs …</c>).</summary>
public sealed partial class CliDocsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("runs")]
    public async Task EveryCommandOfTheBinary_HasARowInTheDocsTable(string group)
    {
        var args = group.Length == 0 ? new[] { "--help" } : [group, "--help"];
        var help = await CliProcess.RunAsync(Repo.Root, args);
        Assert.Equal(0, help.ExitCode);
        var commands = CommandsOf(help.Stdout);
        Assert.NotEmpty(commands);
        var table = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "cli.md")).Where(l => l.StartsWith("| `astrobench ", StringComparison.Ordinal)).ToList();
        var prefix = group.Length == 0 ? "astrobench " : $"astrobench {group} ";
        var missing = commands.Where(c => !table.Any(row => row.StartsWith($"| `{prefix}{c}", StringComparison.Ordinal))).ToList();
        Assert.Empty(missing);
    }

    /// <summary>The names listed under "Commands:" in System.CommandLine's help (first word of each entry).</summary>
    private static List<string> CommandsOf(string help)
    {
        var section = help[(help.IndexOf("Commands:", StringComparison.Ordinal) + "Commands:".Length)..];
        return [.. section.Split('\n').Select(l => CommandLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^  ([a-z][a-z-]*)\b")]
    private static partial Regex CommandLine();
}
