using AstroBench.Core.Adapters;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary>
/// Part of <c>astrobench adapters check</c> for a protocol 2 adapter: every encoding its manifest declares (decimal,
/// hex, binary) is asked, in one session each, the one-case requests the v1 check answered, and must give the v1
/// answer's numbers bit for bit (any NaN equals any NaN, as on the wire). An encoding that is declared but not spoken,
/// or spoken wrongly (a byte order, a rounding), fails here rather than in a run.
/// </summary>
internal static class EncodingCheck
{
    internal sealed record Answered(string Experiment, InputTable Inputs, int Columns, double[] Outputs);

    private static readonly WireEncoding[] All = [WireEncoding.Decimal, WireEncoding.Hex, WireEncoding.Binary];

    /// <summary>Returns the number of problems found (0 when the adapter does not speak protocol 2).</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, AdapterInfo adapter, IReadOnlyList<Answered> answered,
        Action<IAnsiConsole, bool, string> mark, CancellationToken ct)
    {
        if (!adapter.Manifest.SpeaksV2 || answered.Count == 0)
        {
            return 0;
        }
        var problems = 0;
        foreach (var encoding in All.Where(adapter.Manifest.Declares))
        {
            await using var session = AdapterSession.Start(adapter, encoding, TimeSpan.FromSeconds(30));
            if (session is null)
            {
                mark(console, false, $"protocol 2 ({encoding.ToWire()}): the adapter could not be started");
                return problems + 1;
            }
            var wrong = 0;
            foreach (var a in answered)
            {
                var why = await CompareAsync(session, a, ct);
                if (why is not null)
                {
                    wrong++;
                    mark(console, false, $"{a.Experiment} protocol 2 ({encoding.ToWire()}): {why}");
                }
                if (!session.Alive)
                {
                    break;
                }
            }
            if (wrong == 0 && session.Alive)
            {
                mark(console, true, $"protocol 2 ({encoding.ToWire()}): {answered.Count} experiments, the same numbers as protocol 1");
            }
            problems += wrong == 0 && session.Alive ? 0 : Math.Max(wrong, 1);
        }
        return problems;
    }

    private static async Task<string?> CompareAsync(AdapterSession session, Answered a, CancellationToken ct)
    {
        var call = await session.CallAsync(AdapterRequest.Accuracy(a.Experiment, a.Inputs), a.Columns, ct);
        if (call.Outcome != CallOutcome.Completed)
        {
            return call.Outcome.ToWire() + (call.Detail is null ? "" : " — " + call.Detail);
        }
        for (var i = 0; i < a.Outputs.Length; i++)
        {
            var (v1, v2) = (a.Outputs[i], call.Outputs![i]);
            if (!(double.IsNaN(v1) && double.IsNaN(v2)) && BitConverter.DoubleToInt64Bits(v1) != BitConverter.DoubleToInt64Bits(v2))
            {
                return $"output {i} is {WireNumbers.Format(v2)}, protocol 1 answered {WireNumbers.Format(v1)}";
            }
        }
        return null;
    }
}
