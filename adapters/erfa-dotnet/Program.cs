using System.Diagnostics;
using System.Globalization;
using System.Text;
using AstroBench.Adapters.ErfaDotnet;

if (args is ["--version"])
{
    Console.WriteLine($"erfa-dotnet-adapter 1.1.0 ({System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, LibraryImport); {Erfa.Version}");
    return 0;
}
if (args is ["--data-versions"])
{
    ApparentExperiments.PrintDataVersions();
    return 0;
}

var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.ASCII, false, 1 << 16);
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
if (Environment.GetEnvironmentVariable("ASTROBENCH_READY") == "1")
{
    // Protocol 6 (docs/adapter-protocol.md, "Version 6"): the runtime is up; say so before blocking on stdin.
    stdout.Write("ABP ready\n");
    stdout.Flush();
}
var first = stdin.ReadLine();
if (first?.Trim() == "ABP 2")
{
    return Serve.Run(stdin, stdout);
}
var request = Protocol.ReadHeader(stdin, first, out var error);
if (request is null)
{
    Protocol.WriteStatus(stdout, "error", error!);
    return 0;
}
var experiment = Array.Find(Experiments.All, e => e.Name == request.Experiment);
if (experiment is null)
{
    Protocol.WriteStatus(stdout, "error", $"unknown experiment {request.Experiment}");
    return 0;
}
if (request.Columns != experiment.Inputs)
{
    Protocol.WriteStatus(stdout, "error", $"{experiment.Name} takes {experiment.Inputs} input columns, got {request.Columns}");
    return 0;
}
return request.Mode == "perf" ? PerfLoop.Run(experiment, request, stdout) : Runner.Accuracy(experiment, request, stdout);

internal static unsafe class Runner
{
    public static int Accuracy(Experiment e, Protocol.Request request, StreamWriter stdout)
    {
        // Header first, then stream row by row: a million cases never sit in memory.
        stdout.Write($"ABP 1\nstatus ok\ncolumns {e.Outputs}\ncases {request.Cases}\n");
        var input = new double[e.Inputs];
        var output = new double[e.Outputs];
        var line = new StringBuilder(512);
        for (var i = 0; i < request.Cases; i++)
        {
            var row = request.Rows.ReadLine();
            if (row is null || !Protocol.TryParseRow(row, input))
            {
                stdout.Flush();
                Console.Error.WriteLine($"erfa-dotnet-adapter: bad input row {i + 1}");
                return 2;
            }
            fixed (double* pin = input, pout = output)
            {
                e.Compute(pin, pout);
            }
            line.Clear();
            for (var c = 0; c < output.Length; c++)
            {
                if (c > 0)
                {
                    line.Append(' ');
                }
                Protocol.AppendNumber(line, output[c]);
            }
            stdout.Write(line.Append('\n'));
        }
        stdout.Write("end\n");
        stdout.Flush();
        return 0;
    }
}
