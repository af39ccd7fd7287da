using System.Text.Json;

namespace AstroBench.Core.History;

/// <summary>The property names of the history JSON, encoded once.</summary>
internal static class HistoryJsonNames
{
    public static readonly JsonEncodedText Testbed = JsonEncodedText.Encode("testbed");
    public static readonly JsonEncodedText TestbedLabel = JsonEncodedText.Encode("testbed_label");
    public static readonly JsonEncodedText Experiment = JsonEncodedText.Encode("experiment");
    public static readonly JsonEncodedText Library = JsonEncodedText.Encode("library");
    public static readonly JsonEncodedText Metric = JsonEncodedText.Encode("metric");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    public static readonly JsonEncodedText Order = JsonEncodedText.Encode("order");
    public static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
    public static readonly JsonEncodedText Changes = JsonEncodedText.Encode("changes");
    public static readonly JsonEncodedText RunId = JsonEncodedText.Encode("run_id");
    public static readonly JsonEncodedText StartedAt = JsonEncodedText.Encode("started_at");
    public static readonly JsonEncodedText GitSha = JsonEncodedText.Encode("git_sha");
    public static readonly JsonEncodedText LibraryVersion = JsonEncodedText.Encode("library_version");
    public static readonly JsonEncodedText AdapterVersion = JsonEncodedText.Encode("adapter_version");
    public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Judged = JsonEncodedText.Encode("judged");
    public static readonly JsonEncodedText Smoke = JsonEncodedText.Encode("smoke");
    public static readonly JsonEncodedText Valid = JsonEncodedText.Encode("valid");
    public static readonly JsonEncodedText InvalidReason = JsonEncodedText.Encode("invalid_reason");
    public static readonly JsonEncodedText CiLowNs = JsonEncodedText.Encode("ci_low_ns");
    public static readonly JsonEncodedText CiHighNs = JsonEncodedText.Encode("ci_high_ns");
    public static readonly JsonEncodedText P50 = JsonEncodedText.Encode("p50");
    public static readonly JsonEncodedText P99 = JsonEncodedText.Encode("p99");
    public static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
    public static readonly JsonEncodedText Mean = JsonEncodedText.Encode("mean");
    public static readonly JsonEncodedText Rms = JsonEncodedText.Encode("rms");
    public static readonly JsonEncodedText VersionChange = JsonEncodedText.Encode("version_change");
    public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    public static readonly JsonEncodedText ChangeId = JsonEncodedText.Encode("change_id");
}
