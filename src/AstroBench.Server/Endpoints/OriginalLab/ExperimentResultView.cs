using System.Text.Json;
using System.Text.Json.Nodes;
using AstroBench.Core.Experiments;

namespace AstroBench.Server.Endpoints.OriginalLab;

/// <summary>
/// A library result file as the API serves it: the file exactly as written (docs/run-folder.md),
/// plus the original lab's <c>ExperimentResult</c> members wherever AstroBench has the data
/// (docs/http-api.md lists them field by field). A member already in the file is never replaced, so
/// folders written by the original lab pass through unchanged.
/// </summary>
internal static class ExperimentResultView
{
    public static JsonObject Build(JsonElement result, JsonElement? referenceResult, JsonElement? manifest)
    {
        var view = JsonObject.Create(result) is { } o ? (JsonObject)o.DeepClone() : new JsonObject();
        var experiment = Str(result, "experiment");
        AddMissing(view, "candidate_library", Str(result, "library"));
        AddMissing(view, "reference_library", Str(result, "reference"));
        if (experiment is not null && ExperimentCatalog.Find(experiment) is { } definition)
        {
            AddMissing(view, "description", new JsonObject { ["title"] = definition.Title, ["what"] = definition.Description });
        }
        if (result.TryGetProperty("dataset", out var dataset) && dataset.ValueKind == JsonValueKind.Object)
        {
            AddMissing(view, "inputs", new JsonObject
            {
                ["count"] = Node(dataset, "n"),
                ["seed"] = Node(dataset, "seed"),
                ["dataset_fingerprint"] = Node(dataset, "fingerprint"),
            });
        }
        if (view["accuracy"] is JsonObject accuracy)
        {
            AddAccuracyAliases(accuracy, result);
        }
        if (view["performance"] is JsonObject performance)
        {
            PerformanceView.AddAliases(performance);
        }
        if (referenceResult is { } reference && reference.TryGetProperty("performance", out var refPerf) && refPerf.ValueKind == JsonValueKind.Object)
        {
            var copy = (JsonObject)JsonObject.Create(refPerf)!.DeepClone();
            PerformanceView.AddAliases(copy);
            AddMissing(view, "reference_performance", copy);
        }
        if (manifest is { } m)
        {
            AddMissing(view, "benchmark_config", RunMetadataView.BenchmarkConfig(m));
            AddMissing(view, "run_metadata", RunMetadataView.Build(m));
        }
        return view;
    }

    /// <summary>The original keeps each metric's percentile block at the top of <c>accuracy</c>; AstroBench keeps them under <c>metrics</c>.</summary>
    private static void AddAccuracyAliases(JsonObject accuracy, JsonElement result)
    {
        AddMissing(accuracy, "reference", Str(result, "reference"));
        AddMissing(accuracy, "candidate", Str(result, "library"));
        if (accuracy["nan_outputs"] is JsonValue nan)
        {
            AddMissing(accuracy, "nan_count", nan.DeepClone());
        }
        if (accuracy["inf_outputs"] is JsonValue inf)
        {
            AddMissing(accuracy, "inf_count", inf.DeepClone());
        }
        if (accuracy["metrics"] is JsonObject metrics)
        {
            foreach (var (name, block) in metrics)
            {
                if (block is JsonObject)
                {
                    AddMissing(accuracy, name, block.DeepClone());
                }
            }
        }
    }

    internal static void AddMissing(JsonObject target, string name, JsonNode? value)
    {
        if (!target.ContainsKey(name) && value is not null)
        {
            target[name] = value;
        }
    }

    private static void AddMissing(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            AddMissing(target, name, JsonValue.Create(value));
        }
    }

    internal static JsonNode? Node(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
            ? JsonNode.Parse(v.GetRawText())
            : null;

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
