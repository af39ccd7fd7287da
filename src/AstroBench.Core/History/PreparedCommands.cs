using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>
/// Commands of one connection cached by SQL text (Microsoft.Data.Sqlite compiles a statement per command object), so a
/// statement is compiled once and then only re-bound. A call site passes the same parameter names in the same order
/// every time; after the first call the values are bound by position.
/// </summary>
internal sealed class PreparedCommands(SqliteConnection connection, SqliteTransaction? tx = null) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand Bind(string sql, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, _) in args)
            {
                cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _commands[sql] = cmd;
        }
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        }
        return cmd;
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }
        _commands.Clear();
    }
}
