using System.Text;
using System.Text.Json;

namespace AstroBench.Core.Results.Checkpoints;

/// <summary>The one formatter and parser of <see cref="Checkpoint"/> (docs/checkpoints.md); the file lives in the staging folder.</summary>
public static class CheckpointFile
{
    public const string FileName = "checkpoint.json";

    public static string PathIn(string stagingDir) => Path.Combine(stagingDir, FileName);

    public static string Format(Checkpoint checkpoint) => JsonSerializer.Serialize(checkpoint, ResultJson.Options) + "\n";

    /// <summary>Parses a checkpoint; anything else (garbage, another schema, missing fields) is a <see cref="CheckpointException"/>.</summary>
    public static Checkpoint Parse(string json)
    {
        Checkpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<Checkpoint>(json, ResultJson.Options);
        }
        catch (JsonException ex)
        {
            throw new CheckpointException("not a checkpoint file: " + ex.Message);
        }
        if (checkpoint?.Schema != Checkpoint.SchemaId)
        {
            throw new CheckpointException($"unsupported checkpoint schema '{checkpoint?.Schema}' (expected {Checkpoint.SchemaId})");
        }
        if (checkpoint.RunId is null || checkpoint.Config?.Experiments is null || checkpoint.Adapters is null || checkpoint.Plan is null
            || checkpoint.Completed is null || checkpoint.Segments is null || checkpoint.LabBuild is null)
        {
            throw new CheckpointException("checkpoint file is incomplete");
        }
        return checkpoint;
    }

    /// <summary>Written temp-then-rename: a process stopped while writing leaves the previous checkpoint (or none), never half of one.</summary>
    public static void Write(string stagingDir, Checkpoint checkpoint)
    {
        var path = PathIn(stagingDir);
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, Format(checkpoint), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }

    public static Checkpoint Read(string stagingDir)
    {
        var path = PathIn(stagingDir);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"no checkpoint at '{stagingDir}': {ex.Message}");
        }
    }
}
