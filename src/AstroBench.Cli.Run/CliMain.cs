using System.CommandLine;
using AstroBench.Core.Diagnostics;
using Spectre.Console;

namespace AstroBench.Cli;

/// <summary>The entry point both executables share (astrobench and astrobench-run): same parse errors, exit codes and output.</summary>
internal static class CliMain
{
    /// <summary>The console the commands write to.</summary>
    public static IAnsiConsole Console()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Piped or captured output: never wrap table cells (an id split over two lines cannot be grepped).
            console.Profile.Width = 400;
        }
        return console;
    }

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        if (RunTrace.Enabled)
        {
            // The GC's own view of the knobs of Orchestrator.props: runtimeconfig.json for astrobench, embedded by
            // ILCompiler for astrobench-run (RuntimeConfigTests read this line from both).
            var gc = GC.GetConfigurationVariables();
            RunTrace.Mark($"gc ConserveMemory={gc.GetValueOrDefault("GCConserveMem")} Gen0MaxBudget={gc.GetValueOrDefault("GCGen0MaxBudget")}");
        }
        var parse = root.Parse(args);
        RunTrace.Mark("command line parsed");
        if (parse.Errors.Count > 0)
        {
            // One readable line and the documented bad-input code, instead of the parser's multi-line help.
            System.Console.Error.WriteLine("error: " + parse.Errors[0].Message);
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
            System.Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
