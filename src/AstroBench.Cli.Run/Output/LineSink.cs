namespace AstroBench.Cli.Output;

/// <summary>
/// Where the run's lines go: stdout and, with --log-file, a file flushed per line. When a log file
/// is set, a broken stdout (its reader died) is tolerated so the run itself survives.
/// </summary>
internal sealed class LineSink : IDisposable
{
    private readonly TextWriter _stdout;
    private readonly StreamWriter? _log;
    private readonly Lock _gate = new();
    private bool _stdoutBroken;

    public LineSink(TextWriter stdout, string? logFile)
    {
        _stdout = stdout;
        if (logFile is not null)
        {
            var stream = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _log = new StreamWriter(stream) { NewLine = "\n" };
        }
    }

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            if (_log is not null)
            {
                _log.WriteLine(line);
                _log.Flush();
            }
            if (_stdoutBroken)
            {
                return;
            }
            try
            {
                _stdout.WriteLine(line);
                _stdout.Flush();
            }
            catch (IOException) when (_log is not null)
            {
                _stdoutBroken = true;
            }
        }
    }

    public void Dispose() => _log?.Dispose();
}
