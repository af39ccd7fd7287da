using System.Text.Json;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// Discovers adapters: every <c>&lt;dir&gt;/&lt;name&gt;/adapter.json</c> in the given folders. A broken
/// manifest makes that adapter unavailable with the reason; it never stops discovery of the others.
/// </summary>
public sealed class AdapterRegistry
{
    private AdapterRegistry(IReadOnlyList<AdapterInfo> adapters, IReadOnlyList<string> problems)
    {
        Adapters = adapters;
        Problems = problems;
    }

    public IReadOnlyList<AdapterInfo> Adapters { get; }

    /// <summary>Manifests that could not be read at all (name unknown), one line each.</summary>
    public IReadOnlyList<string> Problems { get; }

    public AdapterInfo? Find(string name) => Adapters.FirstOrDefault(a => a.Name == name);

    /// <summary>The adapter whose manifest claims the reference role for an experiment.</summary>
    public AdapterInfo? ReferenceFor(string experiment) =>
        Adapters.FirstOrDefault(a => a.Manifest.Experiments.TryGetValue(experiment, out var s) && s.IsReference);

    public static AdapterRegistry Load(IEnumerable<string> directories)
    {
        var adapters = new List<AdapterInfo>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var dir in directories)
        {
            if (!Directory.Exists(dir))
            {
                problems.Add($"adapters folder '{dir}' does not exist");
                continue;
            }
            foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(sub, "adapter.json");
                if (!File.Exists(file))
                {
                    continue;
                }
                try
                {
                    var info = Inspect(ReadManifest(file), Path.GetFullPath(sub));
                    if (!names.Add(info.Name))
                    {
                        problems.Add($"{file}: adapter '{info.Name}' is defined twice; the first one wins");
                        continue;
                    }
                    adapters.Add(info);
                }
                catch (AdapterManifestException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }
        problems.AddRange(ConflictingReferences(adapters));
        return new AdapterRegistry(adapters, problems);
    }

    /// <summary>One line per experiment that more than one adapter claims as reference, in the order of the claims' first appearance.</summary>
    /// <remarks>Plain loops over reference types: a LINQ grouping over value tuples JIT-compiles its generic code at every start.</remarks>
    private static IEnumerable<string> ConflictingReferences(List<AdapterInfo> adapters)
    {
        var claims = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var adapter in adapters)
        {
            foreach (var (experiment, support) in adapter.Manifest.Experiments)
            {
                if (!support.IsReference)
                {
                    continue;
                }
                if (!claims.TryGetValue(experiment, out var claimants))
                {
                    claims[experiment] = claimants = [];
                    order.Add(experiment);
                }
                claimants.Add(adapter.Name);
            }
        }
        foreach (var experiment in order)
        {
            if (claims[experiment] is { Count: > 1 } claimants)
            {
                yield return $"{string.Join(" and ", claimants)} all claim the reference role for '{experiment}'; '{claimants[0]}' is used";
            }
        }
    }

    public static AdapterManifest ReadManifest(string file)
    {
        AdapterManifest? manifest;
        try
        {
            using var stream = File.OpenRead(file);
            manifest = JsonSerializer.Deserialize(stream, AdapterManifestJsonContext.Default.AdapterManifest);
        }
        catch (JsonException ex)
        {
            throw new AdapterManifestException($"{file}: invalid JSON ({ex.Message})", ex);
        }
        if (manifest is null || manifest.Run is null || manifest.Run.Count == 0 || manifest.Experiments is null)
        {
            throw new AdapterManifestException($"{file}: 'name', 'run' and 'experiments' are required");
        }
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        if (!AdapterNames.IsValid(manifest.Name) || manifest.Name != folder)
        {
            throw new AdapterManifestException($"{file}: name '{manifest.Name}' must match the folder name and ^[a-z][a-z0-9_-]{{0,39}}$");
        }
        // Every adapter answers a v1 request (timing always uses one fresh process per call); v2 (sessions), v3 (perf loop
        // cost), v4 (several values per perf process, which builds on 3's fields) and v5 (ops auto: the first round's process
        // is its own pilot; builds on 4), v6 (a ready line, so timing processes can be started ahead) and v7 (probe chunks
        // between the values; builds on 4) are optional on top.
        if (manifest.Protocol is null || !manifest.Protocol.Contains(ProtocolConstants.Version)
            || manifest.Protocol.Any(v => v is not (ProtocolConstants.Version or ProtocolConstants.Version2 or ProtocolConstants.Version3 or ProtocolConstants.Version4 or ProtocolConstants.Version5 or ProtocolConstants.Version6 or ProtocolConstants.Version7))
            || (manifest.Protocol.Contains(ProtocolConstants.Version4) && !manifest.Protocol.Contains(ProtocolConstants.Version3))
            || (manifest.Protocol.Contains(ProtocolConstants.Version5) && !manifest.Protocol.Contains(ProtocolConstants.Version4))
            || (manifest.Protocol.Contains(ProtocolConstants.Version7) && !manifest.Protocol.Contains(ProtocolConstants.Version4)))
        {
            throw new AdapterManifestException(
                $"{file}: protocol {string.Join(",", manifest.Protocol ?? [])} is not supported (this lab speaks 1, or a list of 1 with 2, 3, 4, 5, 6 and/or 7; 4 needs 3, 5 and 7 need 4)");
        }
        if (manifest.Encodings?.FirstOrDefault(e => WireEncodingNames.Parse(e) is null) is { } unknown)
        {
            throw new AdapterManifestException($"{file}: unknown encoding '{unknown}' (known: decimal, hex, binary)");
        }
        return manifest;
    }

    private static AdapterInfo Inspect(AdapterManifest manifest, string dir)
    {
        foreach (var requirement in manifest.Requires ?? [])
        {
            // Relative paths name files of the checkout (e.g. ../common/abp.py), so they are resolved like the run command.
            var path = Path.GetFullPath(requirement.Path, dir);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return new AdapterInfo(manifest, dir, false,
                    $"missing {requirement.Path}" + (requirement.InstallHint is { } hint ? $" (install: {hint})" : ""));
            }
        }
        var info = new AdapterInfo(manifest, dir, true, null);
        var program = info.ResolveCommand(manifest.Run)[0];
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? info : info with { Available = false, UnavailableReason = $"not built: {program} is missing (run 'astrobench adapters build')" };
        }
        return ExecutableSearch.OnPath(program)
            ? info
            : info with { Available = false, UnavailableReason = $"'{program}' is not on PATH" };
    }
}
