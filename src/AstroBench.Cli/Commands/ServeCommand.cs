using System.CommandLine;
using AstroBench.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace AstroBench.Cli.Commands;

/// <summary>
/// <c>astrobench serve [--host 127.0.0.1] [--port 8000] [--root DIR] [--web-dir DIR] [--token T]</c>:
/// the web server (docs/http-api.md). Jobs it starts run this same binary's <c>run</c> command.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "address to bind (127.0.0.1 keeps the server local)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port", DefaultValueFactory = _ => 8000 };
        var root = new Option<DirectoryInfo?>("--root") { Description = "lab root holding results/, logs/ and the job store (default: current directory)" };
        var webDir = new Option<DirectoryInfo?>("--web-dir") { Description = "built web app to serve at / (default: <repo>/web/dist)" };
        var token = new Option<string?>("--token") { Description = "require this token on mutating endpoints and the WebSocket (or env ASTROBENCH_TOKEN)" };
        var executor = new Option<string?>("--executor") { Description = "where jobs run: local (default) or slurm (docs/slurm.md)" };
        var command = new Command("serve", "Start the web server: REST + WebSocket API and the web app") { host, port, root, webDir, token, executor };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535)
            {
                throw new CliException("--port must be between 1 and 65535");
            }
            var h = parse.GetValue(host) ?? "127.0.0.1";
            var bind = h.Contains(':', StringComparison.Ordinal) ? $"[{h}]" : h;
            var args = new List<string> { "--urls", $"http://{bind}:{p}" };
            var rootDir = parse.GetValue(root)?.FullName ?? Directory.GetCurrentDirectory();
            args.Add($"--{AstroBenchServerOptions.Section}:Root={rootDir}");
            if (parse.GetValue(webDir) is { } w)
            {
                args.Add($"--{AstroBenchServerOptions.Section}:WebDir={w.FullName}");
            }
            if (parse.GetValue(executor) is { } e)
            {
                if (e is not ("local" or "slurm"))
                {
                    throw new CliException("--executor must be local or slurm");
                }
                args.Add($"--{AstroBenchServerOptions.Section}:Executor={e}");
            }
            if (parse.GetValue(token) is { Length: > 0 } t)
            {
                args.Add($"--{AstroBenchServerOptions.Section}:Token={t}");
            }
            WebApplication app;
            try
            {
                app = AstroBenchServerApp.Create([.. args]);
            }
            catch (LabRootLockedException ex)
            {
                throw new CliException(ex.Message);
            }
            catch (AstroBench.Server.Execution.Slurm.SharedRootCheckException ex)
            {
                throw new CliException(ex.Message);
            }
            Console.WriteLine($"AstroBench server on http://{bind}:{p}/ (root {rootDir})");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
