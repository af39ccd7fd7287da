using System.CommandLine.Parsing;
using System.Globalization;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Commands;

/// <summary>Small pieces of <see cref="RunCommand"/>: invariant number parsing and the results-dir probe.</summary>
internal static class RunCommandSupport
{
    public static double ParseSeconds(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return RunOptions.DefaultCallTimeout.TotalSeconds;
        }
        var text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }
        result.AddError($"{RunCommandLine.Timeout}: '{text}' is not a number of seconds (e.g. 0.5)");
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
