using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Results.Checkpoints;

/// <summary>
/// <c>checkpoint.json</c> in a paused run's staging folder (schema <c>astrobench.checkpoint/1</c>, docs/checkpoints.md):
/// everything a later process needs to continue the run so that it publishes what an uninterrupted run would.
/// Written and read by <see cref="CheckpointFile"/> only.
/// </summary>
/// <param name="LabBuild">The module version id of AstroBench.Core: a resume with other lab code could score differently.</param>
/// <param name="Plan">Each experiment with its libraries, reference first, as resolved when the run started.</param>
/// <param name="Completed">Experiments whose files are complete in the staging folder, in run order.</param>
/// <param name="AdapterCalls">Adapter calls made by the segments so far (the manifest's timing adds them up).</param>
public sealed record Checkpoint(
    string Schema,
    string RunId,
    DateTimeOffset StartedAt,
    CheckpointConfig Config,
    string LabBuild,
    IReadOnlyList<CheckpointAdapter> Adapters,
    IReadOnlyList<CheckpointExperiment> Plan,
    IReadOnlyList<string> Completed,
    IReadOnlyList<RunSegment> Segments,
    int AdapterCalls,
    double AdapterCallsS)
{
    public const string SchemaId = "astrobench.checkpoint/1";
}
