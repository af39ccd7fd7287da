namespace AstroBench.Cli;

/// <summary>Finds the checkout (the folder holding adapters/ and AstroBench.sln) from the working directory or the binary.</summary>
internal static class RepoLocator
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "adapters")) && File.Exists(Path.Combine(dir.FullName, "AstroBench.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    /// <summary>The adapter folders to search: the ones given, else &lt;repo&gt;/adapters.</summary>
    public static IReadOnlyList<string> AdapterDirs(string[]? given)
    {
        if (given is { Length: > 0 })
        {
            return given.Select(Path.GetFullPath).ToList();
        }
        var repo = Find() ?? throw new CliException("cannot find the adapters folder: run inside the AstroBench checkout or pass --adapters-dir");
        return [Path.Combine(repo, "adapters")];
    }
}
