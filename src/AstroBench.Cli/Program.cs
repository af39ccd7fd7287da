using System.CommandLine;
using AstroBench.Cli;
using AstroBench.Cli.Commands;
using Spectre.Console;

var console = AnsiConsole.Console;
var root = new RootCommand("AstroBench: accuracy and performance of astronomy libraries against a trusted reference");
root.Subcommands.Add(RunCommand.Create(console));
root.Subcommands.Add(ExperimentsCommand.Create(console));
root.Subcommands.Add(AdaptersCommand.Create(console));
root.Subcommands.Add(RunsCommand.Create(console));
root.Subcommands.Add(ServeCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // One readable line and the documented bad-input code, instead of the parser's multi-line help.
    Console.Error.WriteLine("error: " + parse.Errors[0].Message);
    return ExitCodes.BadInput;
}
try
{
    // Signals are handled by the commands themselves (the run command must clean up before exiting).
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
catch (CliException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return ExitCodes.BadInput;
}
