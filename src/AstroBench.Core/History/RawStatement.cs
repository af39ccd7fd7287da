using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AstroBench.Core.History;

/// <summary>
/// One statement prepared once on a connection's native handle and stepped through SQLitePCL's raw API. Used where a
/// query returns thousands of rows a request: Microsoft.Data.Sqlite checks and converts every column access (a
/// string per text column), here a text column is the span SQLite holds, valid until the next step.
/// One thread at a time (the <see cref="IndexLease"/> that owns it).
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _stmt, out var tail));
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _stmt.Dispose();
            throw new ArgumentException("one statement only", nameof(sql));
        }
    }

    /// <summary>Resets the statement and binds <paramref name="args"/> by name (null binds SQL NULL).</summary>
    public RawStatement Bind(params ReadOnlySpan<(string Name, object? Value)> args)
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
        foreach (var (name, value) in args)
        {
            var i = raw.sqlite3_bind_parameter_index(_stmt, name);
            Check(value switch
            {
                null => raw.sqlite3_bind_null(_stmt, i),
                string s => raw.sqlite3_bind_text(_stmt, i, s),
                int n => raw.sqlite3_bind_int64(_stmt, i, n),
                long n => raw.sqlite3_bind_int64(_stmt, i, n),
                _ => throw new ArgumentException($"unsupported parameter type {value.GetType()}", nameof(args)),
            });
        }
        return this;
    }

    /// <summary>Steps to the next row; false at the end.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
        raw.sqlite3_reset(_stmt);
        return false;
    }

    public bool IsNull(int i) => raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL;

    /// <summary>The column's UTF-8 text (for a text column SQLite's blob view is its bytes), valid until the next step.</summary>
    public ReadOnlySpan<byte> Utf8(int i) => raw.sqlite3_column_blob(_stmt, i);

    public long Int64(int i) => raw.sqlite3_column_int64(_stmt, i);

    public double? Double(int i) => IsNull(i) ? null : raw.sqlite3_column_double(_stmt, i);

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }
}
