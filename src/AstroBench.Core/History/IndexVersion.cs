namespace AstroBench.Core.History;

/// <summary>
/// What an answer read from the index depends on: the write counter (bumped by every run write, rebuild and sync) and
/// a counter that triggers on <c>regressions</c> raise (changes are stored, state-patched and announced outside the run
/// writes). An answer cached under one version is valid until either moves, in any process sharing the file.
/// </summary>
public readonly record struct IndexVersion(long Generation, long Regressions)
{
    /// <summary>The counter row and its triggers (created with the schema, idempotent).</summary>
    internal const string Schema = """
        INSERT OR IGNORE INTO meta (key, value) VALUES ('regressions_version', '0');
        CREATE TRIGGER IF NOT EXISTS regressions_version_insert AFTER INSERT ON regressions
          BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'regressions_version'; END;
        CREATE TRIGGER IF NOT EXISTS regressions_version_update AFTER UPDATE ON regressions
          BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'regressions_version'; END;
        CREATE TRIGGER IF NOT EXISTS regressions_version_delete AFTER DELETE ON regressions
          BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'regressions_version'; END;
        """;

    /// <summary>Both counters in one prepared read.</summary>
    internal const string Read = """
        SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0),
               COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'regressions_version'), 0)
        """;
}
