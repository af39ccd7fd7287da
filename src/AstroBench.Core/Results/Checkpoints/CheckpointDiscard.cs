namespace AstroBench.Core.Results.Checkpoints;

/// <summary>
/// Cancels a paused run (docs/checkpoints.md): deletes its staging folder and releases its run id, so nothing
/// of it remains and nothing is published. The server calls this for a paused job's cancel; the CLI for
/// <c>run --discard</c>. Idempotent: a checkpoint already gone is fine.
/// </summary>
public static class CheckpointDiscard
{
    public static void Run(string checkpointDir)
    {
        if (CheckpointClaim.LiveHolder(checkpointDir) is { } pid)
        {
            throw new CheckpointException($"checkpoint '{checkpointDir}' is being resumed by process {pid}: cancel that run instead");
        }
        // A staging folder without a checkpoint (or a dead resumer's claim) belongs to a run in progress, not a paused one.
        if (Directory.Exists(checkpointDir) && !File.Exists(CheckpointFile.PathIn(checkpointDir)) && !CheckpointClaim.HasClaim(checkpointDir))
        {
            throw new CheckpointException($"'{checkpointDir}' is not paused (no {CheckpointFile.FileName}): cancel its run instead");
        }
        try
        {
            RunStaging.Discard(checkpointDir);
        }
        catch (IOException ex)
        {
            throw new CheckpointException(ex.Message);
        }
    }
}
