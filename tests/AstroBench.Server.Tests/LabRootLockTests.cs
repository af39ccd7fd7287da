using System.Diagnostics;

namespace AstroBench.Server.Tests;

/// <summary>Issue 9 point 1: a second server on the same lab root refuses to start; the lock lives as long as the server.</summary>
public sealed class LabRootLockTests
{
    [Fact]
    public void SecondServerInProcess_OnTheSameRoot_IsRefused_UntilTheFirstStops()
    {
        var first = new Lab();
        try
        {
            var refused = Assert.ThrowsAny<Exception>(() => new Lab(first.Root));
            Assert.Contains("another AstroBench server holds the lab root " + first.Root, Flatten(refused), StringComparison.Ordinal);
            Assert.Contains($"pid {Environment.ProcessId}", Flatten(refused), StringComparison.Ordinal);
        }
        finally
        {
            first.Dispose();
        }
        using var second = new Lab(first.Root); // the lock went with the first server
        Assert.NotNull(second.Client);
        second.Dispose();
        second.DeleteRoot();
    }

    [Fact]
    public async Task ServeCommand_OnAHeldRoot_ExitsWithOneReadableLine()
    {
        var lab = new Lab();
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Lab.OrchestratorDll, "serve", "--root", lab.Root, "--port", RecoveryTests.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }
            using var serve = Process.Start(psi)!;
            var stderr = serve.StandardError.ReadToEndAsync();
            try
            {
                // A bound for the failure case only (a serve that did start never exits by itself).
                await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
            }
            catch (OperationCanceledException)
            {
                serve.Kill();
                Assert.Fail("the second server started on a held lab root");
            }

            Assert.NotEqual(0, serve.ExitCode);
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("error: another AstroBench server holds the lab root " + lab.Root, lines[0], StringComparison.Ordinal);
        }
        finally
        {
            lab.Dispose();
            lab.DeleteRoot();
        }
    }

    private static string Flatten(Exception e) => e.InnerException is { } inner ? e.Message + " | " + Flatten(inner) : e.Message;
}
