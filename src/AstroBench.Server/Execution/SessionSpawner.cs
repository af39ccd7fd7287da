using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace AstroBench.Server.Execution;

/// <summary>
/// Starts a program in a new session (so pid = process group id = session id) with posix_spawn and an
/// argument list — no shell. stdin and stdout are /dev/null (the orchestrator writes its own log via
/// --log-file, so nothing is lost when the server dies); stderr goes to a file. The child is not tied to
/// the server: it survives a server crash, and the server reattaches by pid + start time.
/// </summary>
internal static unsafe class SessionSpawner
{
    public static SpawnedProcess Spawn(IReadOnlyList<string> argv, string workingDirectory, string stderrPath, IReadOnlyDictionary<string, string>? extraEnv = null)
    {
        if (argv.Count == 0 || !Path.IsPathRooted(argv[0]))
        {
            throw new ArgumentException("argv[0] must be an absolute path", nameof(argv));
        }
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }
        foreach (var (k, v) in extraEnv ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }
        var strings = new List<nint>();
        var attr = NativeMemory.AllocZeroed(1024);
        var actions = NativeMemory.AllocZeroed(1024);
        try
        {
            byte* Utf8(string s)
            {
                var bytes = Encoding.UTF8.GetBytes(s + "\0");
                var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
                bytes.CopyTo(new Span<byte>(p, bytes.Length));
                strings.Add((nint)p);
                return p;
            }
            byte** Array(IReadOnlyList<string> items)
            {
                var p = (byte**)NativeMemory.AllocZeroed((nuint)((items.Count + 1) * sizeof(nint)));
                strings.Add((nint)p);
                for (var i = 0; i < items.Count; i++)
                {
                    p[i] = Utf8(items[i]);
                }
                return p;
            }
            Check(LibC.posix_spawnattr_init(attr), "posix_spawnattr_init");
            Check(LibC.posix_spawnattr_setflags(attr, LibC.POSIX_SPAWN_SETSID), "posix_spawnattr_setflags");
            Check(LibC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            var devNull = Utf8("/dev/null");
            Check(LibC.posix_spawn_file_actions_addopen(actions, 0, devNull, LibC.O_RDONLY, 0), "addopen stdin");
            Check(LibC.posix_spawn_file_actions_addopen(actions, 1, devNull, LibC.O_WRONLY, 0), "addopen stdout");
            Check(LibC.posix_spawn_file_actions_addopen(actions, 2, Utf8(stderrPath), LibC.O_WRONLY | LibC.O_CREAT | LibC.O_APPEND, 0x1A4), "addopen stderr");
            Check(LibC.posix_spawn_file_actions_addchdir_np(actions, Utf8(workingDirectory)), "addchdir");
            var argvPtr = Array(argv);
            var envPtr = Array(env.Select(kv => kv.Key + "=" + kv.Value).ToList());
            Check(LibC.posix_spawn(out var pid, argvPtr[0], actions, attr, argvPtr, envPtr), "posix_spawn " + argv[0]);
            // Start time identifies the process across pid reuse; read it while the child certainly exists (it may be a zombie already).
            var stat = ProcStat.Read(pid);
            return new SpawnedProcess(pid, pid, stat?.StartTicks ?? 0);
        }
        finally
        {
            _ = LibC.posix_spawn_file_actions_destroy(actions);
            _ = LibC.posix_spawnattr_destroy(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
            foreach (var p in strings)
            {
                NativeMemory.Free((void*)p);
            }
        }
    }

    /// <summary>Reaps the child if it has exited; returns its exit code (128+signal when killed), null when still running or not our child.</summary>
    public static int? TryReap(int pid)
    {
        var r = LibC.waitpid(pid, out var status, LibC.WNOHANG);
        return r == pid ? LibC.DecodeWaitStatus(status) : null;
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {rc}");
        }
    }
}
