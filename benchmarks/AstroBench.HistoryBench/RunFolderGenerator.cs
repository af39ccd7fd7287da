using System.Globalization;
using System.Text;
using System.Text.Json;
using AstroBench.Core.Inputs;
using AstroBench.Core.Testbeds;

namespace AstroBench.HistoryBench;

/// <summary>
/// Writes run folders of realistic size fast: a manifest, then per experiment a summary.md and one indented result
/// file per library with every field a real run writes (docs/run-folder.md: dataset columns, metric statistics, ten
/// worst cases, the full performance block; about 4 KB each, as `astrobench run` writes them). Cases files are left
/// out: the index never reads them. Numbers are seeded per run, so the same run index always gives the same bytes;
/// library versions step every 2,000 runs and medians carry 2 % run-to-run noise (no planted change).
/// </summary>
internal static class RunFolderGenerator
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Experiment(int e) => $"exp_{e:00}";

    public static string Library(int l) => $"lib{l}";

    public static string Id(int i) => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i)
        .ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);

    /// <summary>Writes runs [from, to) in parallel; returns the bytes written.</summary>
    public static long WriteAll(string results, int from, int to, int experiments, int libraries, Testbed testbed)
    {
        long bytes = 0;
        Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            i => Interlocked.Add(ref bytes, Write(results, i, experiments, libraries, testbed)));
        return bytes;
    }

    public static long Write(string results, int i, int experiments, int libraries, Testbed testbed)
    {
        var id = Id(i);
        var dir = Path.Combine(results, id);
        var random = new SeededRandom(1_000_003L * i + 11);
        long bytes = 0;
        for (var e = 0; e < experiments; e++)
        {
            var expDir = Path.Combine(dir, Experiment(e));
            Directory.CreateDirectory(expDir);
            for (var l = 0; l < libraries; l++)
            {
                bytes += WriteFile(Path.Combine(expDir, Library(l) + ".json"), w => Result(w, i, e, l, random));
            }
            var summary = Encoding.UTF8.GetBytes($"# {Experiment(e)}\n\n| library | p99 | median |\n|---|---|---|\n"
                + string.Concat(Enumerable.Range(0, libraries).Select(l => $"| {Library(l)} | {Error(l) * 0.9:G6} arcsec | {Level(e, l):0.0} ns |\n")));
            File.WriteAllBytes(Path.Combine(expDir, "summary.md"), summary);
            bytes += summary.Length;
        }
        var report = Encoding.UTF8.GetBytes($"# Run {id}\n\n{experiments} experiments × {libraries} libraries\n");
        File.WriteAllBytes(Path.Combine(dir, "summary.md"), report);
        return bytes + report.Length + WriteFile(Path.Combine(dir, "manifest.json"), w => Manifest(w, id, i, experiments, libraries, testbed));
    }

    private static double Level(int e, int l) => 20 + 10 * l + e;

    private static double Error(int l) => 1e-3 * (l + 1);

    private static string Version(int i, int l) => $"{Library(l)}-adapter 1.0.0; {Library(l)} 1.{i / 2000}";

    private static long WriteFile(string path, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream(4096);
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            body(w);
        }
        File.WriteAllBytes(path, stream.ToArray());
        return stream.Length;
    }

    private static void Result(Utf8JsonWriter w, int i, int e, int l, SeededRandom random)
    {
        var median = Level(e, l) * (1 + 0.02 * (random.NextDouble() - 0.5));
        var samples = Enumerable.Range(0, 5).Select(_ => median * (1 + 0.004 * (random.NextDouble() - 0.5))).Order().ToArray();
        var error = Error(l);
        w.WriteStartObject();
        w.WriteString("schema", "astrobench.result/1");
        w.WriteString("experiment", Experiment(e));
        w.WriteString("library", Library(l));
        w.WriteString("role", l == 0 ? "reference" : "candidate");
        w.WriteString("reference", Library(0));
        w.WriteString("model", "IAU 2006 GMST (eraGmst06) and Earth rotation angle IAU 2000 (eraEra00)");
        w.WriteString("reference_model", "IAU 2006 GMST (eraGmst06) and Earth rotation angle IAU 2000 (eraEra00)");
        w.WriteString("parity", l == 0 ? "reference" : "model-parity");
        w.WriteString("conventions", "UT1 and TT each passed as the two-part JD (2451545.0, jd-2451545.0); both angles in [0, 2pi)");
        w.WriteString("outcome", "completed");
        w.WriteNull("outcome_detail");
        w.WriteStartObject("dataset");
        w.WriteNumber("n", 1000);
        w.WriteNumber("seed", 42);
        w.WriteNumber("edge_cases", 6);
        w.WriteString("fingerprint", $"sha256:{e:x16}{e:x16}{e:x16}{e:x16}");
        Strings(w, "input_columns", "jd_ut1", "jd_tt");
        Strings(w, "output_columns", "gmst_rad", "era_rad");
        w.WriteEndObject();
        w.WriteStartObject("accuracy");
        w.WriteString("primary_metric", "error_arcsec");
        w.WriteStartObject("metrics");
        w.WriteStartObject("error_arcsec");
        w.WriteString("unit", "arcsec");
        w.WriteBoolean("signed", true);
        w.WriteNumber("count", 1000);
        w.WriteNumber("nan_count", 0);
        foreach (var (name, v) in new[] { ("min", 0.0), ("max", error), ("mean", error / 2), ("rms", error / 1.5), ("p50", error / 2),
            ("p90", error * 0.8), ("p95", error * 0.85), ("p99", error * 0.9), ("bias", -error / 10) })
        {
            w.WriteNumber(name, v);
        }
        w.WriteNull("exceed_threshold");
        w.WriteNull("exceed_count");
        w.WriteNull("exceed_meaning");
        w.WriteBoolean("self_check", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteNumber("nan_outputs", 0);
        w.WriteNumber("inf_outputs", 0);
        Strings(w, "not_provided");
        w.WriteStartArray("worst_cases");
        for (var k = 0; k < 10; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", k);
            w.WriteString("metric", "error_arcsec");
            w.WriteNumber("value", error * (1 - k / 20.0));
            w.WriteStartObject("inputs");
            w.WriteNumber("jd_ut1", 2415020.5 + 7304.9 * k + random.NextDouble());
            w.WriteNumber("jd_tt", 2415020.500800741 + 7304.9 * k + random.NextDouble());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("performance");
        w.WriteBoolean("valid", true);
        w.WriteNull("invalid_reason");
        w.WriteNumber("rounds", samples.Length);
        w.WriteNumber("ops_per_round", 2_400_000);
        foreach (var (name, v) in new[] { ("median_ns", samples[2]), ("q1_ns", samples[1]), ("q3_ns", samples[3]), ("iqr_ns", samples[3] - samples[1]),
            ("min_ns", samples[0]), ("max_ns", samples[4]), ("mean_ns", samples.Average()), ("cv_percent", 0.4), ("ci_low_ns", samples[0]),
            ("ci_high_ns", samples[4]), ("ci_level", 0.9375), ("throughput_ops_per_s", 1e9 / samples[2]), ("clock_res_ns", 1.0) })
        {
            w.WriteNumber(name, v);
        }
        w.WriteStartArray("samples_ns");
        foreach (var s in samples)
        {
            w.WriteNumberValue(s);
        }
        w.WriteEndArray();
        var speedup = Level(e, 0) / samples[2];
        w.WriteNumber("speedup_vs_reference", speedup);
        w.WriteNumber("speedup_ci_low", speedup * 0.98);
        w.WriteNumber("speedup_ci_high", speedup * 1.02);
        w.WriteNumber("speedup_ci_level", 0.95);
        w.WriteString("speedup_verdict", l == 0 ? "indistinguishable" : "slower");
        w.WriteNumber("segment", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Manifest(Utf8JsonWriter w, string id, int i, int experiments, int libraries, Testbed testbed)
    {
        var started = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i);
        var exps = Enumerable.Range(0, experiments).Select(Experiment).ToArray();
        var libs = Enumerable.Range(0, libraries).Select(Library).ToArray();
        w.WriteStartObject();
        w.WriteString("schema", "astrobench.run/1");
        w.WriteString("run_id", id);
        w.WriteString("started_at", started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        w.WriteString("finished_at", started.AddSeconds(50).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        w.WriteStartObject("config");
        Strings(w, "experiments", exps);
        Strings(w, "libraries", libs);
        w.WriteNumber("n", 1000);
        w.WriteNumber("seed", 42);
        w.WriteNumber("perf_rounds", 5);
        w.WriteBoolean("no_perf", false);
        w.WriteBoolean("ci_mode", false);
        w.WriteNull("notes");
        w.WriteEndObject();
        w.WriteStartObject("environment");
        w.WriteString("machine", "bench");
        w.WriteString("cpu_model", testbed.CpuModel);
        w.WriteNumber("cores", testbed.Cores);
        w.WriteString("os", testbed.Os);
        w.WriteString("dotnet", testbed.Runtime);
        w.WriteString("compiler", testbed.Compiler);
        w.WriteString("git_sha", $"{i:x40}");
        w.WriteBoolean("git_dirty", false);
        w.WriteEndObject();
        w.WriteStartArray("adapters");
        for (var l = 0; l < libraries; l++)
        {
            w.WriteStartObject();
            w.WriteString("name", Library(l));
            w.WriteString("library", Library(l));
            w.WriteString("language", "c");
            w.WriteString("version", Version(i, l));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("completeness");
        Strings(w, "requested", exps);
        Strings(w, "completed", exps);
        Strings(w, "failed");
        w.WriteBoolean("complete", true);
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var e in exps)
        {
            for (var l = 0; l < libraries; l++)
            {
                w.WriteStartObject();
                w.WriteString("experiment", e);
                w.WriteString("library", Library(l));
                w.WriteString("role", l == 0 ? "reference" : "candidate");
                w.WriteString("outcome", "completed");
                w.WriteString("parity", l == 0 ? "reference" : "model-parity");
                w.WriteString("file", $"{e}/{Library(l)}.json");
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartObject("timing");
        w.WriteNumber("wall_s", 50.0);
        w.WriteNumber("adapter_calls_s", 48.0);
        w.WriteNumber("adapter_calls", experiments * libraries * 6);
        w.WriteNumber("overhead_s", 2.0);
        w.WriteEndObject();
        w.WriteStartObject("testbed");
        w.WriteString("key", testbed.Key);
        w.WriteString("label", testbed.Label);
        w.WriteString("cpu_model", testbed.CpuModel);
        w.WriteNumber("cores", testbed.Cores);
        w.WriteString("os", testbed.Os);
        w.WriteString("runtime", testbed.Runtime);
        w.WriteString("compiler", testbed.Compiler);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
