using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AstroBench.Server.Tests.Notifications;

/// <summary>A real SMTP server for a test: Debian's aiosmtpd, which prints every message it receives to stdout.</summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SmtpServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SmtpServer> StartAsync()
    {
        var port = FreePort();
        // Debian's interpreter, where python3-aiosmtpd is installed (a python3 earlier on PATH may be another one).
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(a);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var server = new SmtpServer(process, port);
        process.OutputDataReceived += (_, e) => server.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.True(() => process.HasExited || Accepts(port), $"aiosmtpd accepts connections on {port}");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"aiosmtpd exited ({process.ExitCode}): {server.Output} (is python3-aiosmtpd installed? scripts/setup.sh installs it)");
        }
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
