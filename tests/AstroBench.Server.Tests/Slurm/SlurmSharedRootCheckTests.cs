using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>
/// Issue 12: a Slurm lab checks at start-up that its root is the same directory on the nodes (a job on the node reads back a
/// nonce file the server wrote), and refuses to start with one line naming the root and the node when it is not. A node with a
/// directory of its own at that path is the fixture tests/fixtures/slurm/private-root.sh (an empty tmpfs over it, in a private
/// mount namespace), put in front of the check's probe by AstroBench:Slurm:SharedRootCheckWrapper.
/// </summary>
public sealed class SlurmSharedRootCheckTests : IDisposable
{
    private static readonly string PrivateRoot = Path.Combine(Lab.RepoRoot, "tests", "fixtures", "slurm", "private-root.sh");

    public SlurmSharedRootCheckTests() => SlurmCluster.AssertUp();

    public void Dispose() => SlurmCluster.CancelTestJobs();

    [SlurmFact]
    public async Task OnTheSharedRoot_TheCheckRunsAJobOnEveryCheckedPartition_AndTheServerStarts()
    {
        var before = CheckJobs();
        using var lab = new Lab(settings: Checked(new()
        {
            ["AstroBench:Slurm:SharedRootCheckPartitions:0"] = "debug",
            ["AstroBench:Slurm:SharedRootCheckPartitions:1"] = "bench",
        }));

        Assert.NotNull(await lab.GetJson("/api/executors"));
        // One check job per partition ran on the node and ended; the nonce file is gone.
        await Eventually.True(() => CheckJobs() - before >= 2, "the check's jobs are in the job-completion log");
        Assert.Empty(Directory.GetFiles(Path.Combine(lab.Root, "slurm"), "root-check-*"));
        lab.DeleteRoot();
    }

    [SlurmFact]
    public void ANodeThatSeesAnotherDirectoryAtTheRootsPath_StopsTheServer_NamingTheRootAndTheNode()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        try
        {
            var refused = Assert.ThrowsAny<Exception>(() => new Lab(root, Checked(NodeLocal(root))));

            var message = Flatten(refused);
            Assert.Contains($"the lab root {root} is not on a file system shared with Slurm node {SlurmCluster.Hostname()} (the default partition)",
                message, StringComparison.Ordinal);
            Assert.Contains("AstroBench:Slurm:SharedRootCheck=false", message, StringComparison.Ordinal);
            using var again = new Lab(root, SlurmExecutorTests.SlurmLab); // the refused server let go of the lab root
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [SlurmFact]
    public void SharedRootCheckFalse_SkipsTheCheck()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var settings = Checked(NodeLocal(root));
        settings["AstroBench:Slurm:SharedRootCheck"] = "false";
        using (var lab = new Lab(root, settings))
        {
            Assert.NotNull(lab.Client);
        }
        Directory.Delete(root, true);
    }

    [SlurmFact]
    public async Task ServeWithTheSlurmExecutor_OnARootTheNodeDoesNotShare_ExitsWithOneReadableLine()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Lab.OrchestratorDll, "serve", "--root", root, "--executor", "slurm", "--port", RecoveryTests.FreePort().ToString(CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }
            foreach (var (key, value) in NodeLocal(root))
            {
                psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
            using var serve = Process.Start(psi)!;
            var stderr = serve.StandardError.ReadToEndAsync();
            try
            {
                // A bound for the failure case only (a serve that did start never exits by itself).
                await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(180)).Token);
            }
            catch (OperationCanceledException)
            {
                serve.Kill();
                Assert.Fail("the server started on a lab root the node does not share");
            }

            Assert.NotEqual(0, serve.ExitCode);
            var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: the lab root {root} is not on a file system shared with Slurm node {SlurmCluster.Hostname()}", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    private static Dictionary<string, string> Checked(Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>(SlurmExecutorTests.SlurmLab) { ["AstroBench:Slurm:SharedRootCheck"] = "true" };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }
        return settings;
    }

    /// <summary>The node reads the lab root's slurm/ folder (where the nonce file is) as a directory of its own.</summary>
    private static Dictionary<string, string> NodeLocal(string root) => new()
    {
        ["AstroBench:Slurm:SharedRootCheckWrapper:0"] = PrivateRoot,
        ["AstroBench:Slurm:SharedRootCheckWrapper:1"] = Path.Combine(root, "slurm"),
    };

    private static int CheckJobs() =>
        File.Exists("/var/log/slurm/jobcomp.log") ? File.ReadLines("/var/log/slurm/jobcomp.log").Count(l => l.Contains(" Name=astrobench-root-check ", StringComparison.Ordinal)) : 0;

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
