using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>One read connection of the <see cref="IndexReadPool"/> with its prepared commands; disposing returns it to the pool.</summary>
internal sealed class IndexLease : IDisposable
{
    private readonly IndexReadPool _pool;
    private readonly PreparedCommands _commands;
    private readonly Dictionary<string, RawStatement> _raw = new(StringComparer.Ordinal);

    public IndexLease(IndexReadPool pool, SqliteConnection connection)
    {
        _pool = pool;
        Connection = connection;
        _commands = new PreparedCommands(connection);
    }

    public SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="args"/> (see <see cref="PreparedCommands.Bind"/>).</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => _commands.Bind(sql, args);

    /// <summary>The raw statement for <paramref name="sql"/> (one statement), prepared on first use; see <see cref="RawStatement"/>.</summary>
    public RawStatement Raw(string sql)
    {
        if (!_raw.TryGetValue(sql, out var statement))
        {
            _raw[sql] = statement = new RawStatement(Connection, sql);
        }
        return statement;
    }

    public void Dispose() => _pool.Return(this);

    internal void Close()
    {
        _commands.Dispose();
        foreach (var statement in _raw.Values)
        {
            statement.Dispose();
        }
        Connection.Dispose();
    }
}
