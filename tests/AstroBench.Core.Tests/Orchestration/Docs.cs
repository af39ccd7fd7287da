namespace AstroBench.Core.Tests.Orchestration;

/// <summary>Reads the code blocks of the repository's docs/ pages, so contract tests check the documented examples.</summary>
internal static class Docs
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(RepoRoot(), "docs", name));

    /// <summary>Every fenced code block of a page (```…```, also indented inside a list), with the fence's indentation removed.</summary>
    public static List<(string Info, List<string> Lines)> CodeBlocks(string name)
    {
        var blocks = new List<(string, List<string>)>();
        List<string>? current = null;
        var info = "";
        var indent = 0;
        foreach (var raw in Read(name).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    current = [];
                    info = trimmed[3..].Trim();
                    indent = line.Length - trimmed.Length;
                }
                else
                {
                    blocks.Add((info, current));
                    current = null;
                }
                continue;
            }
            current?.Add(line.Length >= indent && line[..indent].Trim().Length == 0 ? line[indent..] : line);
        }
        return blocks;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AstroBench.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }
}
