using System.CommandLine;
using AstroBench.Core.Experiments;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench experiments</c>: the catalog.</summary>
internal static class ExperimentsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("experiments", "List the experiment catalog");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("id", "family", "inputs", "outputs", "title");
            foreach (var e in ExperimentCatalog.All)
            {
                table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Family), Markup.Escape(string.Join(' ', e.InputColumns)),
                    Markup.Escape(string.Join(' ', e.OutputColumns)), Markup.Escape(e.Title));
            }
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
