using System.CommandLine;
using AstroBench.Cli;
using AstroBench.Cli.Commands;
using AstroBench.Core.Diagnostics;
using Spectre.Console;

RunTrace.Mark("main");
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Piped or captured output: never wrap table cells (an id split over two lines cannot be grepped).
    console.Profile.Width = 400;
}
var root = new RootCommand("AstroBench: accuracy and performance of astronomy libraries against a trusted reference");
root.Subcommands.Add(RunCommand.Create(console));
root.Subcommands.Add(ExperimentsCommand.Create(console));
root.Subcommands.Add(AdaptersCommand.Create(console));
root.Subcommands.Add(RunsCommand.Create(console));
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SchedulesCommand.Create(console));
root.Subcommands.Add(CompareCommand.Create(console));
root.Subcommands.Add(BaselinesCommand.Create(console));
root.Subcommands.Add(PublishCommand.Create(console));

var parse = root.Parse(args);
RunTrace.Mark("command line parsed");
if (parse.Errors.Count > 0)
{
    // One readable line and the documented bad-input code, instead of the parser's multi-line help.
    Console.Error.WriteLine("error: " + parse.Errors[0].Message);
    return ExitCodes.BadInput;
}
try
{
    // Signals are handled by the commands themselves (the run command must clean up before exiting).
    // Our exceptions carry the one-line message and exit code; the parser's default handler would print a stack trace.
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return ExitCodes.BadInput;
}
