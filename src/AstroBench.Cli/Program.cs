using System.CommandLine;
using AstroBench.Cli;
using AstroBench.Cli.Commands;
using AstroBench.Core.Diagnostics;

RunTrace.Mark("main");
var console = CliMain.Console();
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
return await CliMain.RunAsync(root, args);
