using System.CommandLine;
using AstroBench.Cli.Commands;
using AstroBench.Core.Orchestration;
using Spectre.Console;

namespace AstroBench.Cli.Tests.Run;

/// <summary>The argv <see cref="RunCommandLine"/> builds for a resume or a discard parses back, through the CLI's own definition, to the same request.</summary>
public sealed class RunCheckpointCommandLineTests
{
    // A path may hold anything a folder name may: '-' or '@' at a segment start must never read as an option or a response file.
    private const string Checkpoint = "/lab/-x/@r/results/.staging/2026-11-29_01-02-03";

    [Fact]
    public void Resume_RoundTrips_WithItsPerProcessOptions()
    {
        var argv = RunCommandLine.Build(new RunArguments { Resume = Checkpoint, LogFile = "/lab/logs/j.log", ExitRecord = "/lab/logs/j.exit.json" });

        var invocation = Parse(argv);

        Assert.Equal(["run", "--log-file=/lab/logs/j.log", "--exit-record=/lab/logs/j.exit.json", "--resume=" + Checkpoint], argv);
        Assert.Equal(Checkpoint, invocation.Resume);
        Assert.Null(invocation.Discard);
        Assert.Equal("/lab/logs/j.log", invocation.LogFile);
        Assert.Equal("/lab/logs/j.exit.json", invocation.ExitRecord);
    }

    [Fact]
    public void Discard_RoundTrips()
    {
        var invocation = Parse(RunCommandLine.Build(new RunArguments { Discard = Checkpoint }));

        Assert.Equal(Checkpoint, invocation.Discard);
        Assert.Null(invocation.Resume);
    }

    private static RunCommand.Invocation Parse(IReadOnlyList<string> argv)
    {
        var root = new RootCommand();
        root.Subcommands.Add(RunCommand.Create(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) })));
        var parse = root.Parse([.. argv]);
        Assert.Empty(parse.Errors.Select(e => e.Message));
        return RunCommand.Bind(parse);
    }
}
