using System.Text.Json;
using AstroBench.Cli.Publish;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Publish;

/// <summary>The URL → file mapping of the published site is the same in C# and in the web app (same examples file).</summary>
public sealed class StaticDataFileTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var path = Path.Combine(Repo.Root, "web", "src", "lib", "staticDataFiles.examples.json");
        foreach (var pair in JsonSerializer.Deserialize<string[][]>(File.ReadAllText(path))!)
        {
            data.Add(pair[0], pair[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void MapsTheUrlAsTheWebAppDoes(string url, string file) => Assert.Equal(file, StaticDataFile.Of(url));
}
