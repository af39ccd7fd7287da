using System.Globalization;
using AstroBench.Core.Running;
using AstroBench.Server.Jobs;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AstroBench.Server.Hosting;

/// <summary>
/// Puts <see cref="RunLimits"/> into the OpenAPI document: the properties of <see cref="StartJobRequest"/> get
/// <c>minimum</c>/<c>maximum</c>/<c>maxItems</c>/<c>maxLength</c>, so a generated client knows what the
/// server's validator (<see cref="StartJobValidator"/>) will accept.
/// </summary>
internal sealed class RunLimitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property && property.DeclaringType == typeof(StartJobRequest))
        {
            Apply(schema, property.Name);
        }
        return Task.CompletedTask;
    }

    internal static void Apply(OpenApiSchema schema, string jsonName)
    {
        switch (jsonName)
        {
            case "n":
                Range(schema, RunLimits.MinN, RunLimits.MaxN, RunLimits.DefaultN);
                break;
            case "seed":
                Range(schema, RunLimits.MinSeed, RunLimits.MaxSeed, RunLimits.DefaultSeed);
                break;
            case "perf_rounds":
                Range(schema, RunLimits.MinPerfRounds, RunLimits.MaxPerfRounds, RunLimits.DefaultPerfRounds);
                break;
            case "experiments":
                schema.MinItems = 1;
                schema.MaxItems = RunLimits.MaxExperiments;
                break;
            case "libraries":
                schema.MinItems = 1;
                schema.MaxItems = RunLimits.MaxLibraries;
                break;
            case "notes":
                schema.MaxLength = RunLimits.MaxNotesLength;
                break;
        }
    }

    private static void Range(OpenApiSchema schema, long min, long max, long @default)
    {
        schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        schema.Default = System.Text.Json.Nodes.JsonValue.Create(@default);
    }
}
