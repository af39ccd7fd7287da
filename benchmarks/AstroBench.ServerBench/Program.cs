using System.Globalization;
using AstroBench.ServerBench;

// AstroBench server benchmark (issue 3, "Show in the closing note"). Not a test: it prints figures.
// Usage: AstroBench.ServerBench [--astrobench PATH] [--work DIR] [--keep] [--only 1,2,3,4]
//        [--lines 1000000] [--clients 10] [--batch] [--flush-every 1] [--runs 1000] [--jobs 10000]
//        [--requests 1000] [--startups 3] [--server-env KEY=VALUE]…
// Figure lines go to stdout, details to stderr.
if (args.Length > 0 && args[0] == "fake-orchestrator")
{
    return FakeOrchestrator.Run(args[1..]);
}

var opts = BenchOptions.Parse(args);
// --server-env KEY=VALUE (repeatable): set for the server processes (inherited), e.g. a logging level.
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--server-env" && args[i + 1].Split('=', 2) is [var key, var value])
    {
        Environment.SetEnvironmentVariable(key, value);
        Console.Error.WriteLine($"server env {key}={value}");
    }
}
Directory.CreateDirectory(opts.Work);
Console.Error.WriteLine($"work dir {opts.Work}; server {opts.Astrobench}; load average {Stats.Load()}; {Environment.ProcessorCount} cores");
var figures = new List<string>();
try
{
    if (opts.Only.Contains(1) || opts.Only.Contains(3))
    {
        var (f1, f3) = await LogBench.RunAsync(opts, opts.Only.Contains(3));
        if (opts.Only.Contains(1))
        {
            Console.WriteLine(f1);
        }
        if (f3 is not null)
        {
            Console.WriteLine(f3);
        }
    }
    if (opts.Only.Contains(2))
    {
        Console.WriteLine(await RunsBench.RunAsync(opts));
    }
    if (opts.Only.Contains(4))
    {
        Console.WriteLine(await StartupBench.RunAsync(opts));
    }
}
finally
{
    Console.Error.WriteLine($"load average at the end {Stats.Load()}");
    if (!opts.Keep)
    {
        try
        {
            Directory.Delete(opts.Work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
    else
    {
        Console.Error.WriteLine($"kept {opts.Work}");
    }
}
return 0;

internal sealed record BenchOptions(string Astrobench, string Repo, string Work, bool Keep, HashSet<int> Only, long Lines, int Clients,
    int FlushEvery, int Runs, int Jobs, int Requests, int Startups, bool Batch)
{
    public static BenchOptions Parse(string[] args)
    {
        var repo = FindRepo(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        string? V(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int I(string name, int d) => V(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : d;
        var work = V("--work") ?? Path.Combine(Path.GetTempPath(), "astrobench-serverbench-" + Environment.ProcessId);
        var only = (V("--only") ?? "1,2,3,4").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
        return new BenchOptions(
            Path.GetFullPath(V("--astrobench") ?? Path.Combine(repo, "src/AstroBench.Cli/bin/Release/net10.0/astrobench")),
            repo, Path.GetFullPath(work), args.Contains("--keep"), only,
            V("--lines") is { } l ? long.Parse(l, CultureInfo.InvariantCulture) : 1_000_000,
            I("--clients", 10), I("--flush-every", 1), I("--runs", 1000), I("--jobs", 10_000), I("--requests", 1000), I("--startups", 3),
            args.Contains("--batch"));
    }

    private static string? FindRepo(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "AstroBench.sln")))
            {
                return d.FullName;
            }
        }
        return null;
    }
}
