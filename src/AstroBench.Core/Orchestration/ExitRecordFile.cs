using System.Globalization;
using System.Text;
using System.Text.Json;
using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary>
/// The one writer and reader of <see cref="ExitRecord"/> files. The writer is atomic (temp file +
/// rename) and culture-free; the reader is tolerant: a missing, partial or garbage file, or one
/// without a known <c>status</c>, reads as null.
/// </summary>
public static class ExitRecordFile
{
    public const string StatusField = "status";
    public const string ExitCodeField = "exit_code";
    public const string RunIdField = "run_id";
    public const string RunPathField = "run_path";
    public const string ReasonField = "reason";
    public const string PidField = "pid";
    public const string FinishedAtField = "finished_at";
    public const string CheckpointField = "checkpoint";

    /// <summary>UTC, milliseconds, <c>Z</c>: <c>2026-11-29T01:02:15.123Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    public static void Write(string path, ExitRecord record)
    {
        var temp = string.Create(CultureInfo.InvariantCulture, $"{path}.tmp-{Environment.ProcessId}");
        File.WriteAllText(temp, Serialize(record), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }

    public static ExitRecord? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? TryParse(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Serialize(ExitRecord record)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString(StatusField, record.Status.ToWire());
            WriteNumber(w, ExitCodeField, record.ExitCode);
            w.WriteString(RunIdField, record.RunId);
            w.WriteString(RunPathField, record.RunPath);
            w.WriteString(ReasonField, record.Reason);
            WriteNumber(w, PidField, record.Pid);
            w.WriteString(FinishedAtField, record.FinishedAt is { } t ? FormatTimestamp(t) : null);
            w.WriteString(CheckpointField, record.Checkpoint);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static ExitRecord? TryParse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !RunStatusNames.TryParse(Str(root, StatusField), out var status))
            {
                return null;
            }
            return new ExitRecord(status, Int(root, ExitCodeField), Str(root, RunIdField) is { } r && r != "-" ? r : null,
                Str(root, RunPathField), Str(root, ReasonField), Int(root, PidField),
                Str(root, FinishedAtField) is { } f && DateTimeOffset.TryParseExact(f, TimestampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null,
                Str(root, CheckpointField));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string FormatTimestamp(DateTimeOffset t) => t.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
