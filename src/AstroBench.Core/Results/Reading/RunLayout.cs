namespace AstroBench.Core.Results.Reading;

/// <summary>How a run folder is laid out.</summary>
public enum RunLayout
{
    /// <summary><c>results/&lt;YYYY-MM-DD_HH-MM-SS&gt;[-n]/manifest.json</c> (schema astrobench.run/1).</summary>
    Manifest,

    /// <summary>A folder without a manifest (experiments and libraries inferred from the files).</summary>
    NoManifest,

    /// <summary>The original lab's <c>results/&lt;YYYY-MM-DD&gt;/&lt;experiment&gt;/…</c>.</summary>
    LegacyDated,
}
