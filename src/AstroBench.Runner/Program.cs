using System.CommandLine;
using AstroBench.Cli;
using AstroBench.Cli.Commands;
using AstroBench.Core.Diagnostics;

// astrobench-run: `astrobench run` and nothing else, published Native AOT (docs/engine.md, "The run-only executable").
// Same argv as the whole CLI (`astrobench-run run …`), so the launcher and the server pass theirs unchanged.
RunTrace.Mark("main");
var root = new RootCommand("AstroBench's orchestrator: astrobench run only (the whole CLI is astrobench)");
root.Subcommands.Add(RunCommand.Create(CliMain.Console()));
return await CliMain.RunAsync(root, args);
