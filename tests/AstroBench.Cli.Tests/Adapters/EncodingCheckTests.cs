using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// <c>astrobench adapters check</c> asks a protocol 2 adapter every encoding it declares and compares the numbers with its
/// protocol 1 answers: the real erfa passes in decimal, hex and binary; a fixture writing big-endian binary rows fails.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class EncodingCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("abp-enc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An adapters folder holding only this adapter (a link to its real folder).</summary>
    private string Only(string adapterFolder)
    {
        var dir = Path.Combine(_dir, Path.GetFileName(adapterFolder) + "-only");
        Directory.CreateDirectory(dir);
        Directory.CreateSymbolicLink(Path.Combine(dir, Path.GetFileName(adapterFolder)), adapterFolder);
        return dir;
    }

    [Fact]
    public async Task Erfa_GivesTheSameNumbers_InEveryDeclaredEncoding()
    {
        var r = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only(Path.Combine(Repo.Adapters, "erfa")));

        Assert.True(r.ExitCode == 0, r.All);
        foreach (var encoding in new[] { "decimal", "hex", "binary" })
        {
            Assert.Contains(r.Lines, l => l.Contains($"protocol 2 ({encoding}):", StringComparison.Ordinal)
                && l.Contains("the same numbers as protocol 1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnAdapterWritingBigEndianBinaryRows_FailsTheCheck()
    {
        var r = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir",
            Only(Path.Combine(Repo.Root, "tests", "fixtures", "adapters-v2", "badbinary")));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.Contains("gmst_era protocol 2 (binary): output 0 is", StringComparison.Ordinal)
            && l.Contains("protocol 1 answered 1.5", StringComparison.Ordinal));
        Assert.Contains(r.Lines, l => l.Contains("protocol 2 (hex): 1 experiments, the same numbers", StringComparison.Ordinal));
    }
}
