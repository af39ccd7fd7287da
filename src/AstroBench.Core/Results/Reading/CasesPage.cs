namespace AstroBench.Core.Results.Reading;

/// <summary>
/// A page of an experiment's cases (<c>cases.parquet</c>, or <c>cases.csv</c> of older runs): <paramref name="Rows"/> are in column order, null for NaN or empty.
/// <paramref name="Total"/> counts data lines (header excluded).
/// </summary>
public sealed record CasesPage(IReadOnlyList<string> Columns, IReadOnlyList<double?[]> Rows, long Offset, int Limit, long Total);
