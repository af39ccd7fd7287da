using System.Text.Json;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Results;

/// <summary>Reads the result files of a staging folder back, in plan order (experiment, then reference first).</summary>
public static class StagedResults
{
    public static async Task<IReadOnlyList<LibraryResult>> ReadAsync(string stagingDir, IReadOnlyList<CheckpointExperiment> plan, CancellationToken ct)
    {
        var results = new List<LibraryResult>();
        foreach (var experiment in plan)
        {
            foreach (var library in experiment.Libraries)
            {
                await using var stream = File.OpenRead(Path.Combine(stagingDir, experiment.Experiment, library + ".json"));
                results.Add(await JsonSerializer.DeserializeAsync<LibraryResult>(stream, ResultJson.Options, ct)
                    ?? throw new IOException($"{experiment.Experiment}/{library}.json is empty"));
            }
        }
        return results;
    }
}
