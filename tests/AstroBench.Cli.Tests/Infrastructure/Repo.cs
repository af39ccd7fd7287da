namespace AstroBench.Cli.Tests.Infrastructure;

/// <summary>Paths of the checkout and of the astrobench binary built alongside these tests.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Adapters => Path.Combine(Root, "adapters");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "adapters");

    /// <summary>The measuring instruments of scripts/measure-reference-uncertainty.sh (adapters, not libraries under test).</summary>
    public static string ReferenceFloor => Path.Combine(Root, "scripts", "reference-floor");

    /// <summary>The apphost of the CLI, from the same configuration (Debug/Release) as this test assembly.</summary>
    public static string AstroBench { get; } = Path.Combine(Root, "src", "AstroBench.Cli", "bin",
        AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "astrobench");

    /// <summary>
    /// What runs <c>astrobench run</c> in these tests: the CLI above, or with ASTROBENCH_TEST_ORCHESTRATOR the binary named
    /// there (e.g. astrobench-run, src/AstroBench.Runner/bin/Release/aot), to run the same tests against the build users get.
    /// </summary>
    public static string Orchestrator { get; } = Environment.GetEnvironmentVariable("ASTROBENCH_TEST_ORCHESTRATOR") is { Length: > 0 } other ? other : AstroBench;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AstroBench.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("AstroBench.sln not found above " + AppContext.BaseDirectory);
    }
}
