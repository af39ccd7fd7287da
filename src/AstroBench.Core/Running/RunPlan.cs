using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;

namespace AstroBench.Core.Running;

/// <summary>One experiment to run: its definition, its reference adapter and the candidates scored against it.</summary>
public sealed record PlannedExperiment(ExperimentDefinition Definition, AdapterInfo Reference, IReadOnlyList<AdapterInfo> Candidates)
{
    public IEnumerable<AdapterInfo> AllLibraries => Candidates.Prepend(Reference);
}

/// <summary>Resolves experiment and library names against the catalog and the adapter registry.</summary>
public sealed record RunPlan(IReadOnlyList<PlannedExperiment> Experiments, IReadOnlyList<string> Notices)
{
    public IReadOnlyList<string> Libraries =>
        Experiments.SelectMany(e => e.AllLibraries).Select(a => a.Name).Distinct().Order(StringComparer.Ordinal).ToList();

    public static RunPlan Resolve(RunOptions options, AdapterRegistry registry)
    {
        var notices = new List<string>();
        var definitions = ResolveExperiments(options.Experiments);
        HashSet<string>? requested = null;
        if (options.Libraries is { } libraries)
        {
            requested = [];
            foreach (var name in libraries)
            {
                var adapter = registry.Find(name) ?? throw new RunPlanException(
                    $"unknown library '{name}' (known: {string.Join(", ", registry.Adapters.Select(a => a.Name))})");
                if (!adapter.Available)
                {
                    throw new RunPlanException($"library '{name}' is unavailable: {adapter.UnavailableReason}");
                }
                requested.Add(name);
            }
        }
        else
        {
            foreach (var a in registry.Adapters.Where(a => !a.Available))
            {
                notices.Add($"skipping {a.Name}: {a.UnavailableReason}");
            }
        }

        var all = options.Experiments is ["all"];
        var planned = new List<PlannedExperiment>();
        foreach (var definition in definitions)
        {
            var found = registry.ReferenceFor(definition.Id);
            var missing = found is null
                ? $"no adapter declares itself the reference for '{definition.Id}'"
                : found.Available ? null : $"reference adapter '{found.Name}' for '{definition.Id}' is unavailable: {found.UnavailableReason}";
            if (missing is not null)
            {
                // "all" means every experiment this machine can score; a named experiment must run or fail loudly.
                if (all)
                {
                    notices.Add($"skipping {definition.Id}: {missing}");
                    continue;
                }
                throw new RunPlanException(missing);
            }
            var reference = found!;
            var candidates = registry.Adapters
                .Where(a => a.Available && a != reference && a.Supports(definition.Id))
                .Where(a => requested is null || requested.Contains(a.Name))
                .ToList();
            if (requested is not null)
            {
                foreach (var name in requested.Where(n => n != reference.Name && !registry.Find(n)!.Supports(definition.Id)))
                {
                    notices.Add($"{name} does not support {definition.Id}");
                }
            }
            planned.Add(new PlannedExperiment(definition, reference, candidates));
        }
        if (planned.Count == 0)
        {
            throw new RunPlanException("no experiment can run: " + string.Join("; ", notices));
        }
        return new RunPlan(planned, notices);
    }

    private static List<ExperimentDefinition> ResolveExperiments(IReadOnlyList<string> ids)
    {
        if (ids.Count == 1 && ids[0] == "all")
        {
            return [.. ExperimentCatalog.All];
        }
        var result = new List<ExperimentDefinition>();
        foreach (var id in ids)
        {
            var definition = ExperimentCatalog.Find(id) ?? throw new RunPlanException(
                $"unknown experiment '{id}' (known: {string.Join(", ", ExperimentCatalog.All.Select(e => e.Id))}, or all)");
            if (!result.Contains(definition))
            {
                result.Add(definition);
            }
        }
        return result;
    }
}
