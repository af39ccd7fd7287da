using Microsoft.Data.Sqlite;

namespace AstroBench.Core.History;

/// <summary>One read connection of the <see cref="IndexReadPool"/> with its prepared commands; disposing returns it to the pool.</summary>
internal sealed class IndexLease : IDisposable
{
    private readonly IndexReadPool _pool;
    private readonly PreparedCommands _commands;

    public IndexLease(IndexReadPool pool, SqliteConnection connection)
    {
        _pool = pool;
        Connection = connection;
        _commands = new PreparedCommands(connection);
    }

    public SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="args"/> (see <see cref="PreparedCommands.Bind"/>).</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => _commands.Bind(sql, args);

    public void Dispose() => _pool.Return(this);

    internal void Close()
    {
        _commands.Dispose();
        Connection.Dispose();
    }
}
