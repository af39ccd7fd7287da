/*
 * abp.c - shared helper for C adapters speaking "ABP 1" and "ABP 2".
 * See abp.h and docs/adapter-protocol.md.
 */
#define _POSIX_C_SOURCE 200809L

#include "abp.h"
#include "probe_kernel.h"

#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Output: our own buffer, so that an error found before the first     */
/* flush can still be answered with a clean "status error" response.   */
/* ------------------------------------------------------------------ */

#define OUT_CAP (1u << 20)          /* 1 MiB */
#define OUT_SLACK 4096u             /* flush when less than this is free */

/* Protocol v2 (abp_serve): many framed requests per process; see the v2 section below. */
static int v2_session = 0;
static const char *magic_line = "ABP 1";

static char out_buf[OUT_CAP];
static size_t out_len = 0;
static int out_flushed = 0;          /* has any byte reached stdout yet? */

static void out_flush(void)
{
    if (out_len > 0) {
        fwrite(out_buf, 1, out_len, stdout);
        out_len = 0;
        out_flushed = 1;
    }
    fflush(stdout);
}

static void out_reserve(void)
{
    if (OUT_CAP - out_len < OUT_SLACK)
        out_flush();
}

static void out_printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    out_reserve();
    va_start(ap, fmt);
    n = vsnprintf(out_buf + out_len, OUT_CAP - out_len, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= OUT_CAP - out_len)
        n = (int)(OUT_CAP - out_len - 1); /* truncated; only for absurd reasons */
    out_len += (size_t)n;
}

/* One character: the separators between numbers, without a vsnprintf call each. */
static void out_char(char c)
{
    out_reserve();
    out_buf[out_len++] = c;
}

static void out_double(double x)
{
    if (isnan(x))
        out_printf("nan");
    else if (isinf(x))
        out_printf(x > 0 ? "inf" : "-inf");
    else
        out_printf("%.17g", x);
}

void abp_write_double(double x)
{
    out_double(x);
}

/* ------------------------------------------------------------------ */
/* Helpers for experiment code (declared in abp.h)                     */
/* ------------------------------------------------------------------ */

void abp_store_matrix(double r[3][3], double *out)
{
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            out[3 * i + j] = r[i][j];
}

int abp_kepler_in_domain(const double *in, double *out)
{
    const double m = in[0];
    const double e = in[1];
    if (!(e >= 0.0 && e < 1.0) || !isfinite(m)) {
        out[0] = NAN;
        out[1] = NAN;
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Input                                                               */
/* ------------------------------------------------------------------ */

static char *in_line = NULL;
static size_t in_cap = 0;
static FILE *in_file = NULL;   /* NULL: stdin; a v2 request child reads a fresh FILE on fd 0 */
/* v2 "encoding binary": bytes of case data still unread, so that an early answer skips them exactly
   (binary rows may contain any byte, also a line "end"). */
static long long binary_left = 0;

/* Reads one line without its trailing "\n" / "\r\n". Returns -1 at EOF. */
static long read_line(void)
{
    ssize_t n = getline(&in_line, &in_cap, in_file != NULL ? in_file : stdin);
    if (n < 0)
        return -1;
    while (n > 0 && (in_line[n - 1] == '\n' || in_line[n - 1] == '\r'))
        in_line[--n] = '\0';
    return (long)n;
}

static void drain_stdin(void)
{
    char buf[65536];
    if (v2_session) {
        /* v2: consume only the rest of this request, up to its "end" line; the next request follows. */
        while (binary_left > 0) {
            size_t want = binary_left < (long long)sizeof buf ? (size_t)binary_left : sizeof buf;
            size_t got = fread(buf, 1, want, in_file != NULL ? in_file : stdin);
            if (got == 0)
                return;
            binary_left -= (long long)got;
        }
        while (read_line() >= 0 && strcmp(in_line, "end") != 0) {
        }
        return;
    }
    while (fread(buf, 1, sizeof buf, stdin) > 0) {
    }
}

/* Parses a non-negative decimal integer that fills the whole string. */
static int parse_count(const char *s, long long *value)
{
    char *end;
    long long v;
    if (s == NULL || *s < '0' || *s > '9')
        return 0;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < 0)
        return 0;
    *value = v;
    return 1;
}

/*
 * Parses exactly n numbers separated by blanks. strtod accepts nan, inf,
 * infinity in any case with an optional sign. Returns NULL on success or a
 * static description of the problem.
 */
static const char *parse_row(char *s, int n, double *values)
{
    char *p = s;
    char *end;
    int i;
    for (i = 0; i < n; i++) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            return "too few numbers";
        values[i] = strtod(p, &end);
        if (end == p || (*end != '\0' && *end != ' ' && *end != '\t'))
            return "unparsable number";
        p = end;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '\0')
        return "too many numbers";
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Responses                                                           */
/* ------------------------------------------------------------------ */

static void sanitize_reason(char *dst, size_t cap, const char *src)
{
    size_t i = 0;
    for (; *src != '\0' && i + 1 < cap; src++) {
        unsigned char c = (unsigned char)*src;
        dst[i++] = (c >= 32 && c < 127) ? (char)c : '?';
    }
    dst[i] = '\0';
}

/* "status error" (or "skipped"): a complete, well-formed response, exit 0. */
static int respond_status(const char *status, const char *fmt, ...)
{
    char raw[512];
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    sanitize_reason(reason, sizeof reason, raw);
    /* v2: the rest of the request is read before the answer. Answered first, the orchestrator could send the next request
       while this child still read its tail through a buffered FILE, which then took the next request's first bytes too
       (BinarySessionTests: the request after an early answer came out invalid now and then). v1 reads to EOF anyway. */
    if (v2_session)
        drain_stdin();
    out_len = 0; /* discard anything not yet flushed */
    out_printf("%s\nstatus %s\nreason %s\nend\n", magic_line, status, reason);
    out_flush();
    if (!v2_session)
        drain_stdin();
    return 0;
}

/*
 * A problem found while streaming rows. If nothing has reached stdout yet
 * the buffered rows are discarded and a clean "status error" is sent;
 * otherwise the response is cut short and the process exits with code 2.
 */
static int fail_midstream(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!out_flushed)
        return respond_status("error", "%s", msg);
    fflush(stdout);
    fprintf(stderr, "abp: %s (response already partly written)\n", msg);
    drain_stdin();
    return 2;
}

/* ------------------------------------------------------------------ */
/* Modes                                                               */
/* ------------------------------------------------------------------ */

/* How numbers travel in case rows (protocol 2 "encoding"; protocol 1 is always decimal). */
enum { ENC_DECIMAL = 0, ENC_HEX = 1, ENC_BINARY = 2 };

/* The rows of an accuracy answer after its header, then "end": shared by protocol 1 (decimal) and 2 (any encoding). */
static int answer_rows(const abp_experiment *ex, long long cases, int encoding);

static int run_accuracy(const abp_experiment *ex, long long cases)
{
    int rc;

    out_printf("ABP 1\nstatus ok\ncolumns %d\ncases %lld\n", ex->n_out, cases);
    rc = answer_rows(ex, cases, ENC_DECIMAL);
    if (rc == 0)
        drain_stdin();
    return rc;
}

#define PERF_MAX_CASES 1048576LL

/* Protocol 4 ("values V"): the most timed values one perf process gives. */
#define PERF_MAX_VALUES 100

/*
 * Steady-state warm-up ("warmup auto", protocol 3; docs/engine.md): chunks of ceil(ops / 20) ops,
 * each timed; steady once the last 3 chunk times are within 2 % of each other (max - min <= 2 % of
 * min); at most 10 chunks and at most half the timed ops (ops / (2 chunk) chunks, at least one). The
 * same numbers are in abp.py, abp.mjs and erfa-dotnet's PerfLoop.cs.
 */
#define WARMUP_CHUNKS_PER_LOOP 20
#define WARMUP_MAX_CHUNKS 10
#define WARMUP_WINDOW 3
#define WARMUP_TOLERANCE 0.02

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + (long long)t.tv_nsec;
}

/* The empty body of the empty loop: called through the same pointer as a real compute. */
static void empty_compute(const double *in, double *out)
{
    (void)in;
    (void)out;
}

/* Read through a volatile, so the compiler cannot see which function a pass calls. */
static abp_compute_fn volatile empty_fn = empty_compute;

/*
 * One timed pass: `ops` calls of fn cycling through the cases (wrap-around index compare, no
 * modulo), folding the first n_fold outputs into *sink. Every timing (warm-up chunk, timed
 * loop, empty loop) goes through this one function, so all are timed the same way.
 */
__attribute__((noinline))
static long long timed_pass(abp_compute_fn fn, const double *data, int n_in, int n_fold, size_t cases,
                            long long ops, double *out, volatile double *sink)
{
    long long k, t0, t1;
    size_t idx = 0;
    const double *row = data;
    double acc = 0.0;
    int j;
    t0 = now_ns();
    for (k = 0; k < ops; k++) {
        fn(row, out);
        for (j = 0; j < n_fold; j++)
            acc += out[j];
        if (++idx == cases) {
            idx = 0;
            row = data;
        } else {
            row += n_in;
        }
    }
    t1 = now_ns();
    *sink += acc;
    return t1 - t0;
}

/* Warm-up before a timed loop: `fixed` ops, or (auto) chunks until steady; returns the ops run. */
static long long warm_up(abp_compute_fn fn, const abp_experiment *ex, const double *data, size_t cases,
                         long long ops, int automatic, long long fixed, double *out, volatile double *sink,
                         int *steady)
{
    long long chunk, limit, t[WARMUP_MAX_CHUNKS], done = 0, lo, hi;
    int c, i;
    *steady = 0;
    if (!automatic) {
        if (fixed > 0)
            timed_pass(fn, data, ex->n_in, ex->n_fold, cases, fixed, out, sink);
        return fixed;
    }
    chunk = (ops + WARMUP_CHUNKS_PER_LOOP - 1) / WARMUP_CHUNKS_PER_LOOP;
    limit = chunk > 0 ? ops / (2 * chunk) : WARMUP_MAX_CHUNKS;
    if (limit > WARMUP_MAX_CHUNKS)
        limit = WARMUP_MAX_CHUNKS;
    if (limit < 1)
        limit = 1;
    for (c = 0; c < limit; c++) {
        t[c] = timed_pass(fn, data, ex->n_in, ex->n_fold, cases, chunk, out, sink);
        done += chunk;
        if (c + 1 < WARMUP_WINDOW)
            continue;
        lo = hi = t[c];
        for (i = c - WARMUP_WINDOW + 1; i < c; i++) {
            if (t[i] < lo)
                lo = t[i];
            if (t[i] > hi)
                hi = t[i];
        }
        if ((double)(hi - lo) <= WARMUP_TOLERANCE * (double)lo) {
            *steady = 1;
            break;
        }
    }
    return done;
}

/*
 * Protocol 5 ("ops auto"; docs/engine.md): the pilot and the value rule of the orchestrator's PilotRule and PerfOps, in
 * IEEE-exact operations only (no logarithms), so that every runtime picks the ops the orchestrator checks.
 */
#define PERF_MAX_OPS 2000000000LL

/* From one op, x max(2, ceil(target / ns)) until one pass lasts target ns; the last pass's ops and ns. */
static void pilot(const abp_experiment *ex, const double *data, size_t cases, long long target, double *out,
                  volatile double *sink, long long *pilot_ops, long long *pilot_ns)
{
    long long ops = 1, ns, grow;
    for (;;) {
        ns = timed_pass(ex->compute, data, ex->n_in, ex->n_fold, cases, ops, out, sink);
        if (ns < 1)
            ns = 1;
        if (ns >= target || ops >= PERF_MAX_OPS)
            break;
        grow = (target + ns - 1) / ns;
        ops = ops * (grow > 2 ? grow : 2);
        if (ops > PERF_MAX_OPS)
            ops = PERF_MAX_OPS;
    }
    *pilot_ops = ops;
    *pilot_ns = ns;
}

static double ratio(double a, double b) { return a >= b ? a / b : b / a; }

/* The ops of one value: whole passes over the cases when a pass fits the target, else the 1-2-5 grid count nearest in
   ratio (ties go up), at most one pass (a prefix of the cases). */
static long long value_ops(double ns_per_op, long long cases, long long target)
{
    static const double grid[] = {1, 2, 5, 10};
    double per_op = ns_per_op > 1e-3 ? ns_per_op : 1e-3, pass_ns = per_op * (double)cases, x, passes, limit, decade, best;
    long long g;
    size_t i;
    if (pass_ns <= (double)target) {
        x = (double)target / pass_ns;
        passes = floor(x);
        if (x - passes >= 0.5)
            passes += 1;
        if (passes < 1)
            passes = 1;
        limit = (double)(PERF_MAX_OPS / cases * cases);
        return (long long)(passes * (double)cases < limit ? passes * (double)cases : limit);
    }
    x = (double)target / per_op;
    if (!(x > 1))
        return 1;
    decade = 1;
    while (decade * 10 <= x)
        decade *= 10;
    best = decade;
    for (i = 0; i < sizeof grid / sizeof grid[0]; i++)
        if (ratio(x, grid[i] * decade) <= ratio(x, best))
            best = grid[i] * decade;
    g = (long long)best;
    return g < cases ? g : cases;
}

/* Protocol 7 ("probe_ops P"): the most probe ops one chunk may ask for (about 25 ms). */
#define PERF_MAX_PROBE_OPS 1000000LL

/* One probe chunk of protocol 7: `ops` ops of the machine-speed probe's kernel, in ns. */
static long long probe_chunk(long long ops)
{
    long long t0 = now_ns(), ns;
    probe_kernel_run((long)ops);
    ns = now_ns() - t0;
    return ns < 1 ? 1 : ns;
}

/* values_given 0: a protocol 1/3 request (one value, no values_ns line); else protocol 4, `values` values.
   pilot_target > 0: protocol 5, `ops auto` (ops is then ignored: this process is its own pilot).
   probe_ops > 0: protocol 7, a probe chunk of probe_ops ops before the first value and after each value. */
static int run_perf(const abp_experiment *ex, long long cases, long long ops, int warmup_auto, long long warmup,
                    int values_given, long long values, long long pilot_target, long long value_target, long long probe_ops)
{
    long long probe_ns[PERF_MAX_VALUES + 1];
    long long pilot_ops = 0, pilot_ns = 0;
    double *data;
    double out[ABP_MAX_COLUMNS];
    long long row, total_ns, empty_ns, warmup_ops, res_ns, value_ns[PERF_MAX_VALUES];
    int j, v, steady, empty_steady;
    volatile double sink = 0.0;
    struct timespec res;

    if (cases < 1)
        return respond_status("error", "perf mode needs at least one case");
    if (cases > PERF_MAX_CASES)
        return respond_status("error", "perf mode accepts at most %lld cases", PERF_MAX_CASES);
    if (!values_given)
        values = 1;
    if (values < 1 || values > PERF_MAX_VALUES)
        return respond_status("error", "values must be 1 to %d", PERF_MAX_VALUES);
    if (probe_ops > PERF_MAX_PROBE_OPS)
        return respond_status("error", "probe_ops must be 1 to %lld", PERF_MAX_PROBE_OPS);
    data = malloc((size_t)cases * (size_t)ex->n_in * sizeof *data);
    if (data == NULL)
        return respond_status("error", "out of memory for %lld cases", cases);
    for (row = 0; row < cases; row++) {
        const char *problem;
        if (read_line() < 0 || strcmp(in_line, "end") == 0) {
            free(data);
            return respond_status("error", "only %lld of %lld rows before end of input", row, cases);
        }
        problem = parse_row(in_line, ex->n_in, data + (size_t)row * (size_t)ex->n_in);
        if (problem != NULL) {
            free(data);
            return respond_status("error", "row %lld: %s (expected %d numbers)", row + 1, problem, ex->n_in);
        }
    }
    if (read_line() < 0 || strcmp(in_line, "end") != 0) {
        free(data);
        return respond_status("error", "expected 'end' after %lld rows", cases);
    }

    for (j = 0; j < ABP_MAX_COLUMNS; j++)
        out[j] = 0.0;

    if (pilot_target > 0) {
        pilot(ex, data, (size_t)cases, pilot_target, out, &sink, &pilot_ops, &pilot_ns);
        ops = value_ops((double)pilot_ns / (double)pilot_ops, cases, value_target);
    }

    /* warm-up, the timed values (protocol 4: `values` passes of `ops` ops, back to back), then the same for the
       empty body, once (after, so the timed values follow their warm-up) */
    warmup_ops = warm_up(ex->compute, ex, data, (size_t)cases, ops, warmup_auto, warmup, out, &sink, &steady);
    sink = 0.0;
    total_ns = 0;
    if (probe_ops > 0) {
        probe_kernel_init();
        probe_ns[0] = probe_chunk(probe_ops);
    }
    for (v = 0; v < values; v++) {
        value_ns[v] = timed_pass(ex->compute, data, ex->n_in, ex->n_fold, (size_t)cases, ops, out, &sink);
        if (value_ns[v] < 1)
            value_ns[v] = 1;
        total_ns += value_ns[v];
        if (probe_ops > 0)
            probe_ns[v + 1] = probe_chunk(probe_ops); /* right after the value: the machine's state around it */
    }
    warm_up(empty_fn, ex, data, (size_t)cases, ops, warmup_auto, warmup, out, &sink, &empty_steady);
    empty_ns = timed_pass(empty_fn, data, ex->n_in, ex->n_fold, (size_t)cases, ops, out, &sink);

    if (clock_getres(CLOCK_MONOTONIC, &res) == 0)
        res_ns = (long long)res.tv_sec * 1000000000LL + (long long)res.tv_nsec;
    else
        res_ns = 1;
    if (res_ns < 1)
        res_ns = 1;
    free(data);

    out_printf("ABP 1\nstatus ok\ntotal_ns %lld\nops %lld\nsink ", total_ns, ops * values);
    out_double(sink);
    out_printf("\nclock_res_ns %lld\nempty_loop_ns_per_op ", res_ns);
    out_double((double)empty_ns / (double)ops);
    out_printf("\nwarmup_ops %lld\n", warmup_ops);
    if (pilot_target > 0)
        out_printf("pilot_ops %lld\npilot_ns %lld\n", pilot_ops, pilot_ns);
    if (warmup_auto)
        out_printf("warmup_steady %d\n", steady);
    if (values_given) {
        out_printf("values_ns");
        for (v = 0; v < values; v++)
            out_printf(" %lld", value_ns[v]);
        out_printf("\n");
    }
    if (probe_ops > 0) {
        out_printf("probe_ns");
        for (v = 0; v <= values; v++)
            out_printf(" %lld", probe_ns[v]);
        out_printf("\n");
    }
    out_printf("end\n");
    out_flush();
    drain_stdin();
    return 0;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

/* The header of one request: "key value" lines after the magic line, up to and including "cases". */
typedef struct {
    char experiment[256];
    char mode[64];
    char encoding[16];
    int have_experiment, have_mode, have_columns, have_cases, have_ops, have_warmup, warmup_auto, have_values;
    int ops_auto, have_pilot_target, have_value_target, have_probe_ops;
    long long columns, cases, ops, warmup, values, pilot_target, value_target, probe_ops;
} abp_header;

/* Reads the header; returns NULL, or the reason the request is bad (the caller answers "status error"). */
static const char *read_header(abp_header *h, char *why, size_t why_cap)
{
    size_t c;
    /* header keys whose value is a non-negative count */
    const struct {
        const char *key;
        long long *value;
        int *seen;
    } counts[] = {
        {"columns", &h->columns, &h->have_columns},
        {"cases", &h->cases, &h->have_cases},
        {"ops", &h->ops, &h->have_ops},
        {"warmup", &h->warmup, &h->have_warmup},
        {"values", &h->values, &h->have_values},
        {"pilot_target_ns", &h->pilot_target, &h->have_pilot_target},
        {"value_target_ns", &h->value_target, &h->have_value_target},
        {"probe_ops", &h->probe_ops, &h->have_probe_ops},
    };
    memset(h, 0, sizeof *h);
    while (!h->have_cases) {
        char *key, *value, *space;
        if (read_line() < 0)
            return "request header ended before 'cases'";
        if (in_line[0] == '\0')
            continue;
        key = in_line;
        space = strchr(in_line, ' ');
        if (space == NULL) {
            if (strcmp(key, "end") == 0)
                return "'end' before 'cases' in request header";
            continue; /* a key without value: unknown, ignore */
        }
        *space = '\0';
        value = space + 1;
        if (strcmp(key, "experiment") == 0) {
            if (strlen(value) >= sizeof h->experiment)
                return "experiment name too long";
            strcpy(h->experiment, value);
            h->have_experiment = 1;
        } else if (strcmp(key, "mode") == 0) {
            if (strlen(value) >= sizeof h->mode)
                return "mode too long";
            strcpy(h->mode, value);
            h->have_mode = 1;
        } else if (strcmp(key, "encoding") == 0) {
            if (strlen(value) >= sizeof h->encoding)
                return "encoding too long";
            strcpy(h->encoding, value);
        } else if (strcmp(key, "ops") == 0 && strcmp(value, "auto") == 0) {
            h->ops_auto = 1; /* protocol 5: the process is its own pilot */
            h->ops = 1;
            h->have_ops = 1;
        } else if (strcmp(key, "warmup") == 0 && strcmp(value, "auto") == 0) {
            h->warmup_auto = 1; /* protocol 3: steady-state warm-up */
            h->have_warmup = 1;
        } else {
            /* the count keys; other keys: ignored, as the protocol requires */
            for (c = 0; c < sizeof counts / sizeof counts[0]; c++) {
                if (strcmp(key, counts[c].key) != 0)
                    continue;
                if (!parse_count(value, counts[c].value)) {
                    snprintf(why, why_cap, "bad %s value '%.60s'", counts[c].key, value);
                    return why;
                }
                *counts[c].seen = 1;
                break;
            }
        }
    }
    return NULL;
}

/*
 * Checks a parsed header against the table. Returns the experiment, or NULL after answering the
 * request ("status error" / "skipped"), with the exit code in *rc.
 */
static const abp_experiment *resolve(const abp_header *h, const abp_experiment *table, size_t table_len, int *rc)
{
    const abp_experiment *ex = NULL;
    size_t i;
    if (!h->have_experiment) {
        *rc = respond_status("error", "request has no experiment line");
        return NULL;
    }
    for (i = 0; i < table_len; i++) {
        if (strcmp(table[i].name, h->experiment) == 0) {
            ex = &table[i];
            break;
        }
    }
    if (ex == NULL)
        *rc = respond_status("error", "unknown experiment %.100s", h->experiment);
    else if (ex->skip_reason != NULL)
        *rc = respond_status("skipped", "%s", ex->skip_reason);
    else if (!h->have_mode)
        *rc = respond_status("error", "request has no mode line");
    else if (!h->have_columns)
        *rc = respond_status("error", "request has no columns line");
    else if (h->columns != ex->n_in)
        *rc = respond_status("error", "experiment %s expects %d input columns, request declares %lld",
                             ex->name, ex->n_in, h->columns);
    else if (ex->compute == NULL || ex->n_in > ABP_MAX_COLUMNS || ex->n_out > ABP_MAX_COLUMNS
             || ex->n_fold > ex->n_out)
        *rc = respond_status("error", "adapter table entry for %s is inconsistent", ex->name);
    else
        return ex;
    return NULL;
}

static int abp_serve(const abp_experiment *table, size_t table_len);

/* Protocol 6 (docs/adapter-protocol.md, "Version 6"): started ahead of its timing round with ASTROBENCH_READY=1, the
   process says its start-up (dynamic linking, static data) is over before it blocks reading stdin. */
static void announce_ready(void)
{
    const char *ready = getenv("ASTROBENCH_READY");
    if (ready != NULL && strcmp(ready, "1") == 0) {
        fputs("ABP ready\n", stdout);
        fflush(stdout);
    }
}

int abp_main(int argc, char **argv, const char *version_line,
             const abp_experiment *table, size_t table_len)
{
    abp_header h;
    const abp_experiment *ex;
    const char *problem;
    char why[160];
    int rc = 0;

    if (argc > 1) {
        if (strcmp(argv[1], "--version") == 0) {
            printf("%s\n", version_line);
            return 0;
        }
        fprintf(stderr, "usage: %s [--version]  (request on stdin, see docs/adapter-protocol.md)\n", argv[0]);
        return 2;
    }

    announce_ready();

    if (read_line() < 0)
        return respond_status("error", "empty request");
    if (strcmp(in_line, "ABP 2") == 0)
        return abp_serve(table, table_len);
    if (strcmp(in_line, "ABP 1") != 0)
        return respond_status("error", "bad magic line, expected 'ABP 1'");

    problem = read_header(&h, why, sizeof why);
    if (problem != NULL)
        return respond_status("error", "%s", problem);
    ex = resolve(&h, table, table_len, &rc);
    if (ex == NULL)
        return rc;

    if (strcmp(h.mode, "accuracy") == 0)
        return run_accuracy(ex, h.cases);
    if (strcmp(h.mode, "perf") == 0) {
        if (!h.have_ops || h.ops < 1)
            return respond_status("error", "perf request needs ops >= 1");
        if (!h.have_warmup)
            h.warmup = 0;
        if (h.ops_auto && (h.pilot_target < 1 || h.value_target < 1))
            return respond_status("error", "ops auto needs positive pilot_target_ns and value_target_ns");
        return run_perf(ex, h.cases, h.ops, h.warmup_auto, h.warmup, h.have_values, h.values,
                        h.ops_auto ? h.pilot_target : 0, h.value_target, h.have_probe_ops ? h.probe_ops : 0);
    }
    return respond_status("error", "unknown mode %.60s", h.mode);
}

/* ------------------------------------------------------------------ */
/* Protocol v2: one process serves framed accuracy requests until the */
/* end of stdin. Perf stays v1 (a fresh process per timing call), so  */
/* run_perf is not reachable from here.                                */
/* ------------------------------------------------------------------ */

/* Hex float, exact: [-]0x1.<hex>p<+-e>, [-]0x0.<hex>p-1022, [-]0x0p+0; nan/inf as in decimal. */
static void out_hex(double x)
{
    static const char digits[] = "0123456789abcdef";
    uint64_t bits;
    unsigned expfield;
    uint64_t frac;
    int e, nib;
    char *p;
    if (isnan(x) || isinf(x)) {
        out_double(x);
        return;
    }
    out_reserve();
    p = out_buf + out_len;
    memcpy(&bits, &x, sizeof bits);
    expfield = (unsigned)((bits >> 52) & 0x7FF);
    frac = bits & 0xFFFFFFFFFFFFFULL;
    if (bits >> 63)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    if (expfield == 0) {
        *p++ = '0';
        e = frac == 0 ? 0 : -1022;
    } else {
        *p++ = '1';
        e = (int)expfield - 1023;
    }
    if (frac != 0) {
        nib = 13;
        *p++ = '.';
        while ((frac & 0xF) == 0) {
            frac >>= 4;
            nib--;
        }
        while (nib-- > 0)
            *p++ = digits[(frac >> (4 * nib)) & 0xF];
    }
    *p++ = 'p';
    *p++ = e < 0 ? '-' : '+';
    if (e < 0)
        e = -e;
    if (e >= 1000)
        *p++ = (char)('0' + e / 1000);
    if (e >= 100)
        *p++ = (char)('0' + e / 100 % 10);
    if (e >= 10)
        *p++ = (char)('0' + e / 10 % 10);
    *p++ = (char)('0' + e % 10);
    out_len = (size_t)(p - out_buf);
}

static const char *encoding_name(int encoding)
{
    return encoding == ENC_BINARY ? "binary" : encoding == ENC_HEX ? "hex" : "decimal";
}

/* One v2 accuracy request: like run_accuracy, but in the requested encoding and without draining stdin. */
static int serve_accuracy(const abp_experiment *ex, long long cases, int encoding)
{
    out_printf("ABP 2\nstatus ok\nencoding %s\ncolumns %d\ncases %lld\n", encoding_name(encoding), ex->n_out, cases);
    return answer_rows(ex, cases, encoding);
}

/* Binary rows are IEEE 754 doubles, little-endian: swapped here on a big-endian host. */
static int host_is_little_endian(void)
{
    const uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    return first == 1;
}

static void swap_doubles(double *v, int n)
{
    int i, k;
    for (i = 0; i < n; i++) {
        unsigned char b[8], t;
        memcpy(b, &v[i], 8);
        for (k = 0; k < 4; k++) {
            t = b[k];
            b[k] = b[7 - k];
            b[7 - k] = t;
        }
        memcpy(&v[i], b, 8);
    }
}

/* One binary input row: n doubles, 8 bytes each, no separators. 0, or -1 when the input ended. */
static int read_binary_row(double *in, int n)
{
    size_t got = fread(in, sizeof(double), (size_t)n, in_file != NULL ? in_file : stdin);
    binary_left -= (long long)(got * sizeof(double));
    if (got != (size_t)n)
        return -1;
    if (!host_is_little_endian())
        swap_doubles(in, n);
    return 0;
}

static void out_binary_row(double *out, int n)
{
    size_t bytes = (size_t)n * sizeof(double);
    if (!host_is_little_endian())
        swap_doubles(out, n);
    out_reserve();
    memcpy(out_buf + out_len, out, bytes);
    out_len += bytes;
}

static int answer_rows(const abp_experiment *ex, long long cases, int encoding)
{
    double in[ABP_MAX_COLUMNS];
    double out[ABP_MAX_COLUMNS];
    long long row;
    int j;

    for (row = 0; row < cases; row++) {
        const char *problem;
        if (encoding == ENC_BINARY) {
            if (read_binary_row(in, ex->n_in) < 0)
                return fail_midstream("input ended after %lld of %lld rows", row, cases);
        } else {
            if (read_line() < 0)
                return fail_midstream("input ended after %lld of %lld rows", row, cases);
            if (strcmp(in_line, "end") == 0)
                return fail_midstream("'end' after %lld rows, header declared %lld", row, cases);
            /* strtod reads hex floats and decimals alike */
            problem = parse_row(in_line, ex->n_in, in);
            if (problem != NULL)
                return fail_midstream("row %lld: %s (expected %d numbers)", row + 1, problem, ex->n_in);
        }
        for (j = 0; j < ex->n_out; j++)
            out[j] = NAN;
        ex->compute(in, out);
        if (encoding == ENC_BINARY) {
            out_binary_row(out, ex->n_out);
            continue;
        }
        for (j = 0; j < ex->n_out; j++) {
            if (j > 0)
                out_char(' ');
            if (encoding == ENC_HEX)
                out_hex(out[j]);
            else
                out_double(out[j]);
        }
        out_char('\n');
    }
    if (read_line() < 0 || strcmp(in_line, "end") != 0)
        return fail_midstream("expected 'end' after %lld rows", cases);
    out_printf("end\n");
    out_flush();
    return 0;
}

/* One v2 request whose magic line has been read; 0 to go on serving, else the exit code. */
static int serve_one(const abp_experiment *table, size_t table_len)
{
    abp_header h;
    const abp_experiment *ex;
    const char *problem;
    char why[160];
    int rc = 0;

    out_len = 0;
    out_flushed = 0;
    binary_left = 0;
    problem = read_header(&h, why, sizeof why);
    if (problem != NULL) {
        /* respond_status skips to this request's 'end', so the next request can still be served */
        return respond_status("error", "%s", problem);
    }
    if (strcmp(h.encoding, "binary") == 0 && h.have_columns) {
        if (h.columns > (1LL << 16) || h.cases > (1LL << 40))
            return respond_status("error", "binary request of %lld x %lld numbers is too large", h.cases, h.columns);
        binary_left = h.cases * h.columns * (long long)sizeof(double);
    }
    ex = resolve(&h, table, table_len, &rc);
    if (ex == NULL)
        return rc;
    if (strcmp(h.mode, "accuracy") != 0)
        return respond_status("error", "protocol 2 serves accuracy requests only (perf: one ABP 1 process per call)");
    if (h.encoding[0] != '\0' && strcmp(h.encoding, "hex") != 0 && strcmp(h.encoding, "decimal") != 0
        && strcmp(h.encoding, "binary") != 0)
        return respond_status("error", "unknown encoding %.15s", h.encoding);
    return serve_accuracy(ex, h.cases,
                          strcmp(h.encoding, "binary") == 0 ? ENC_BINARY : strcmp(h.encoding, "hex") == 0 ? ENC_HEX : ENC_DECIMAL);
}

/*
 * Reads the next v2 magic line straight from fd 0, one byte at a time, so that nothing of the
 * request after it is buffered here (the request child reads it). Returns 1, 0 at end of input,
 * -1 for a line that is not "ABP 2".
 */
static int read_magic_raw(void)
{
    char line[16];
    size_t n = 0;
    char c;
    for (;;) {
        ssize_t r = read(0, &c, 1);
        if (r == 0)
            return n == 0 ? 0 : -1;
        if (r < 0)
            return 0;
        if (c == '\n') {
            if (n > 0 && line[n - 1] == '\r')
                n--;
            if (n == 0)
                continue; /* blank line between requests */
            line[n] = '\0';
            return strcmp(line, "ABP 2") == 0 ? 1 : -1;
        }
        if (n + 1 >= sizeof line)
            return -1;
        line[n++] = c;
    }
}

/*
 * The v2 serve loop. Each request is served by a fork() of this process as it was after start-up,
 * so no library state (libnova's nutation cache, an ephemeris file position) carries from one
 * request to the next: a request's answer is what a fresh v1 process gives. A child that crashes
 * ends the session with its status; the orchestrator then fails that request alone.
 */
static int abp_serve(const abp_experiment *table, size_t table_len)
{
    int first = 1;
    v2_session = 1;
    magic_line = "ABP 2";
    fflush(stdout);
    for (;;) {
        int status;
        pid_t pid = fork();
        if (pid < 0) {
            fprintf(stderr, "abp: fork failed: %s\n", strerror(errno));
            return 2;
        }
        if (pid == 0) {
            int rc;
            /* After the first request stdin's buffer holds stale bytes of it: read fd 0 afresh. */
            if (!first)
                in_file = fdopen(0, "r");
            rc = serve_one(table, table_len);
            out_flush();
            _exit(rc);
        }
        if (waitpid(pid, &status, 0) < 0)
            return 2;
        if (WIFSIGNALED(status))
            return 128 + WTERMSIG(status);
        if (WEXITSTATUS(status) != 0)
            return WEXITSTATUS(status);
        first = 0;
        switch (read_magic_raw()) {
        case 0:
            return 0; /* end of stdin: the run is over */
        case -1:
            respond_status("error", "bad magic line, expected 'ABP 2'");
            return 2;
        default:
            break;
        }
    }
}
