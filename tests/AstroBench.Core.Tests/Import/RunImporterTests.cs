using AstroBench.Core.Import;

namespace AstroBench.Core.Tests.Import;

/// <summary>Every refusal of <see cref="RunImporter"/> on a crafted archive, and that a refused import writes nothing.</summary>
public sealed class RunImporterTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("ab-import-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    private RunImportResult Import(byte[] zip, RunImportLimits? limits = null)
    {
        using var stream = new MemoryStream(zip);
        return RunImporter.ImportZip(stream, _results, limits);
    }

    /// <summary>Nothing in results/ but an empty .staging (the reservation folder): no run, no lock, no temp file.</summary>
    private void AssertNothingWritten()
    {
        var left = Directory.EnumerateFileSystemEntries(_results, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_results, p)).Where(p => p != ".staging").ToList();
        Assert.Empty(left);
        Assert.False(File.Exists("/tmp/ab-import-escaped"));
    }

    private RunImportFailure Refused(byte[] zip, RunImportLimits? limits = null) =>
        Assert.Throws<RunImportException>(() => Import(zip, limits)).Failure;

    [Fact]
    public void AValidRun_IsPublishedUnderItsId()
    {
        var r = Import(CraftedZips.ValidRun());

        Assert.Equal(CraftedZips.RunId, r.RunId);
        Assert.Equal(2, r.Files);
        Assert.True(File.Exists(Path.Combine(_results, CraftedZips.RunId, "gmst_era", "erfa.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_results, ".staging")));
    }

    [Fact]
    public void AManifestAtTheTop_IsAcceptedToo()
    {
        var r = Import(CraftedZips.Zip(("manifest.json", CraftedZips.Manifest, 0), ("gmst_era/erfa.json", "{}", 0)));

        Assert.Equal(CraftedZips.RunId, r.RunId);
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("2026-03-04_05-06-07/../../escaped.txt")]
    [InlineData("/tmp/ab-import-escaped")]
    [InlineData("..\\escaped.txt")]
    [InlineData("C:/escaped.txt")]
    public void AnEntryLeavingTheFolder_IsRefused_NothingWritten(string name)
    {
        var zip = CraftedZips.Zip(("2026-03-04_05-06-07/manifest.json", CraftedZips.Manifest, 0), (name, "x", 0));

        Assert.Equal(RunImportFailure.UnsafePath, Refused(zip));
        AssertNothingWritten();
    }

    [Fact]
    public void ASymlinkEntry_IsRefused_NothingWritten()
    {
        var zip = CraftedZips.Zip(("2026-03-04_05-06-07/manifest.json", CraftedZips.Manifest, 0),
            ("2026-03-04_05-06-07/gmst_era/erfa.json", "/etc/passwd", 0xA1FF));

        Assert.Equal(RunImportFailure.Link, Refused(zip));
        AssertNothingWritten();
    }

    [Fact]
    public void A2GBDeclaredEntry_IsRefusedBeforeExtracting_NothingWritten()
    {
        var zip = CraftedZips.WithDeclaredSize(CraftedZips.ValidRun(), "2026-03-04_05-06-07/gmst_era/erfa.json", 2u << 30);

        var ex = Assert.Throws<RunImportException>(() => Import(zip));
        Assert.Equal(RunImportFailure.TooLarge, ex.Failure);
        Assert.Contains("2147483648", ex.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void TooManyFilesOrBytesInAll_AreRefused_NothingWritten()
    {
        Assert.Equal(RunImportFailure.TooManyFiles, Refused(CraftedZips.ValidRun(), new RunImportLimits(1, 1 << 20, 1 << 20)));
        Assert.Equal(RunImportFailure.TooLarge, Refused(CraftedZips.ValidRun(), new RunImportLimits(10, 1 << 20, 50)));
        AssertNothingWritten();
    }

    [Fact]
    public void AnEntryHoldingMoreThanItDeclares_IsRefused_NothingWritten()
    {
        var zip = CraftedZips.WithDeclaredSize(CraftedZips.ValidRun(), "2026-03-04_05-06-07/gmst_era/erfa.json", 3);

        Assert.Throws<RunImportException>(() => Import(zip));
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("""[1,2]""")]
    [InlineData("""{"run_id": "bad id!"}""")]
    [InlineData("""{"run_id": "2026-03-04_05-06-08"}""")]
    [InlineData("""{"run_id": """)]
    public void ABadManifest_IsRefused_NothingWritten(string manifest)
    {
        var zip = CraftedZips.Zip(("2026-03-04_05-06-07/manifest.json", manifest, 0));

        Assert.Equal(RunImportFailure.BadSchema, Refused(zip));
        AssertNothingWritten();
    }

    [Fact]
    public void NoManifest_OrNotAZip_IsRefused()
    {
        Assert.Equal(RunImportFailure.BadSchema, Refused(CraftedZips.Zip(("a/b.json", "{}", 0), ("c/d.json", "{}", 0))));
        Assert.Equal(RunImportFailure.BadArchive, Refused("not a zip"u8.ToArray()));
        AssertNothingWritten();
    }

    [Fact]
    public void ADuplicateRunId_IsRefused_AndTheExistingRunIsUntouched()
    {
        Import(CraftedZips.ValidRun());
        var file = Path.Combine(_results, CraftedZips.RunId, "gmst_era", "erfa.json");
        var before = File.ReadAllText(file);

        Assert.Equal(RunImportFailure.Duplicate, Refused(CraftedZips.ValidRun()));
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_results, ".staging")));
    }

    [Fact]
    public void AFolderWithASymlink_IsRefused_NothingWritten()
    {
        var source = Directory.CreateTempSubdirectory("ab-import-src-").FullName;
        try
        {
            var run = Directory.CreateDirectory(Path.Combine(source, CraftedZips.RunId)).FullName;
            File.WriteAllText(Path.Combine(run, "manifest.json"), CraftedZips.Manifest);
            File.CreateSymbolicLink(Path.Combine(run, "leak.json"), "/etc/passwd");

            var ex = Assert.Throws<RunImportException>(() => RunImporter.ImportPath(run, _results));
            Assert.Equal(RunImportFailure.Link, ex.Failure);
            AssertNothingWritten();

            File.Delete(Path.Combine(run, "leak.json"));
            Assert.Equal(CraftedZips.RunId, RunImporter.ImportPath(run, _results).RunId);
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }
}
