using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Schedules;

/// <summary><c>astrobench schedules list|add|remove</c> as a real process: on a lab root directly, and against a real <c>astrobench serve</c>.</summary>
public sealed partial class SchedulesCommandTests : IDisposable
{
    private readonly TempLab _lab = new();

    [Fact]
    public async Task Add_list_remove_on_the_lab_root()
    {
        var add = await Cli("schedules", "add", "--root", _lab.Dir, "--name", "nightly", "--cron", "0 3 * * *",
            "--experiments", "gmst_era", "--libraries", "libnova", "--no-perf", "--priority", "5");
        Assert.Equal(0, add.ExitCode);
        var id = AddedId().Match(add.Stdout).Groups[1].Value;
        Assert.Matches("next \\d{4}-\\d\\d-\\d\\d 03:00 UTC", add.Stdout);

        var list = await Cli("schedules", "list", "--root", _lab.Dir);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.Lines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("0 3 * * *", StringComparison.Ordinal) && l.Contains("nightly", StringComparison.Ordinal));

        Assert.Equal(0, (await Cli("schedules", "remove", id, "--root", _lab.Dir)).ExitCode);
        var again = await Cli("schedules", "remove", id, "--root", _lab.Dir);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal($"error: no schedule {id}", Assert.Single(again.Lines));
    }

    [Fact]
    public async Task Bad_cron_or_job_is_one_error_line()
    {
        var cron = await Cli("schedules", "add", "--root", _lab.Dir, "--name", "x", "--cron", "0 0 * * * *", "--experiments", "gmst_era");
        Assert.Equal(2, cron.ExitCode);
        Assert.StartsWith("error: cron '0 0 * * * *' is not a valid 5-field expression", Assert.Single(cron.Lines), StringComparison.Ordinal);
        var job = await Cli("schedules", "add", "--root", _lab.Dir, "--name", "x", "--cron", "* * * * *", "--experiments", "nope");
        Assert.Equal(2, job.ExitCode);
        Assert.Equal("error: Unknown experiment 'nope'.", Assert.Single(job.Lines));
        Assert.Empty((await Cli("schedules", "list", "--root", _lab.Dir)).Lines);
    }

    [Fact]
    public async Task Against_a_running_server()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = CliProcess.Start(_lab.Dir, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--root", _lab.Dir]);
        using var http = new HttpClient();
        await Eventually.True(async () =>
        {
            try
            {
                return (await http.GetAsync($"{url}/api/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the server answers /api/health");

        var add = await Cli("schedules", "add", "--server", url, "--name", "hourly", "--cron", "15 * * * *", "--experiments", "gmst_era");
        Assert.Equal(0, add.ExitCode);
        var id = AddedId().Match(add.Stdout).Groups[1].Value;
        // The server wrote it to the lab's store: --root sees it too.
        Assert.Contains(id, (await Cli("schedules", "list", "--root", _lab.Dir)).Stdout, StringComparison.Ordinal);
        Assert.Contains(id, (await Cli("schedules", "list", "--server", url)).Stdout, StringComparison.Ordinal);

        var bad = await Cli("schedules", "add", "--server", url, "--name", "x", "--cron", "every day", "--experiments", "gmst_era");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: cron 'every day' is not a valid 5-field expression", Assert.Single(bad.Lines), StringComparison.Ordinal);

        Assert.Equal(0, (await Cli("schedules", "remove", id, "--server", url)).ExitCode);
        Assert.Equal(2, (await Cli("schedules", "remove", id, "--server", url)).ExitCode);
    }

    private Task<CliResult> Cli(params string[] args) => CliProcess.RunAsync(_lab.Dir, args);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("added ([0-9a-f]{12})")]
    private static partial Regex AddedId();

    public void Dispose() => _lab.Dispose();
}
