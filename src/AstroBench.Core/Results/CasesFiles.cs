namespace AstroBench.Core.Results;

/// <summary>The names and layout of an experiment's per-case file (docs/run-folder.md), in one place for writer and readers.</summary>
public static class CasesFiles
{
    /// <summary>What this lab writes: Parquet, one row per case.</summary>
    public const string ParquetName = "cases.parquet";

    /// <summary>What older runs and the original lab's folders hold: plain CSV, still served.</summary>
    public const string LegacyCsvName = "cases.csv";

    /// <summary>The Parquet file's key-value metadata <c>astrobench.schema</c>.</summary>
    public const string ParquetSchemaId = "astrobench.cases/1";

    public const string IndexColumn = "index";

    /// <summary>Rows per Parquet row group: a page of up to 5,000 cases decodes at most two groups.</summary>
    public const int RowGroupRows = 10_000;
}
