using System.CommandLine.Parsing;
using System.Globalization;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Commands;

/// <summary>Small pieces of <see cref="RunCommand"/>: invariant number parsing and the results-dir probe.</summary>
internal static class RunCommandSupport
{
    public static double ParseSeconds(ArgumentResult result) =>
        ParseNumber(result, RunOptions.DefaultCallTimeout.TotalSeconds, RunCommandLine.Timeout, "a number of seconds (e.g. 0.5)");

    /// <summary>An invariant-culture number option (System.CommandLine's own parser follows the current culture).</summary>
    public static double ParseNumber(ArgumentResult result, double fallback, string option, string what)
    {
        if (result.Tokens.Count == 0)
        {
            return fallback;
        }
        var text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError($"{option}: '{text}' is not {what}");
        return 0;
    }

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static void EnsureWritable(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, Inv($".write-probe-{Environment.ProcessId}"));
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"results dir '{dir}' is not writable: {ex.Message}");
        }
    }
}
