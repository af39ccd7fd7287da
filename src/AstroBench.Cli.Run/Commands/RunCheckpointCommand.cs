using AstroBench.Cli.Output;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench run --resume|--discard CHECKPOINT</c> (docs/checkpoints.md): the checkpoint side of <see cref="RunCommand"/>.</summary>
internal static class RunCheckpointCommand
{
    public static async Task<ResumePoint> PrepareAsync(string checkpoint, IEnumerable<string> givenConfig, LineSink sink, CancellationToken ct)
    {
        var given = givenConfig.ToList();
        if (given.Count > 0)
        {
            throw new CliException($"{RunCommandLine.Resume} takes the run's config from the checkpoint; drop {string.Join(", ", given)}");
        }
        return await RunResume.PrepareAsync(checkpoint, problem => sink.WriteLine("warning: " + problem), ct);
    }

    /// <summary>Deletes the checkpoint and releases its id; nothing of the run remains, nothing is published.</summary>
    public static int Discard(string checkpoint, bool withOtherOptions, LineSink sink)
    {
        try
        {
            if (withOtherOptions)
            {
                throw new CliException($"{RunCommandLine.Discard} takes no other run option");
            }
            CheckpointDiscard.Run(checkpoint);
            sink.WriteLine($"discarded {Path.GetFullPath(checkpoint)}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is CliException or CheckpointException or IOException or UnauthorizedAccessException)
        {
            sink.WriteLine("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
