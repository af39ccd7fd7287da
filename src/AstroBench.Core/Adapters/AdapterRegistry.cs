using System.Text.Json;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary>
/// Discovers adapters: every <c>&lt;dir&gt;/&lt;name&gt;/adapter.json</c> in the given folders. A broken
/// manifest makes that adapter unavailable with the reason; it never stops discovery of the others.
/// </summary>
public sealed class AdapterRegistry
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

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
                    if (adapters.Any(a => a.Name == info.Name))
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
        foreach (var claim in adapters
                     .SelectMany(a => a.Manifest.Experiments.Where(e => e.Value.IsReference).Select(e => (Experiment: e.Key, Adapter: a.Name)))
                     .GroupBy(c => c.Experiment)
                     .Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", claim.Select(c => c.Adapter))} all claim the reference role for '{claim.Key}'; '{claim.First().Adapter}' is used");
        }
        return new AdapterRegistry(adapters, problems);
    }

    public static AdapterManifest ReadManifest(string file)
    {
        AdapterManifest? manifest;
        try
        {
            using var stream = File.OpenRead(file);
            manifest = JsonSerializer.Deserialize<AdapterManifest>(stream, Json);
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
        // cost) and v4 (several values per perf process, which builds on 3's fields) are optional on top.
        if (manifest.Protocol is null || !manifest.Protocol.Contains(ProtocolConstants.Version)
            || manifest.Protocol.Any(v => v is not (ProtocolConstants.Version or ProtocolConstants.Version2 or ProtocolConstants.Version3 or ProtocolConstants.Version4))
            || (manifest.Protocol.Contains(ProtocolConstants.Version4) && !manifest.Protocol.Contains(ProtocolConstants.Version3)))
        {
            throw new AdapterManifestException(
                $"{file}: protocol {string.Join(",", manifest.Protocol ?? [])} is not supported (this lab speaks 1, or a list of 1 with 2, 3 and/or 4; 4 needs 3)");
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
