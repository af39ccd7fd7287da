/*
 * abp.c - shared helper for C adapters speaking "ABP 1".
 * See abp.h and docs/adapter-protocol.md.
 */
#define _POSIX_C_SOURCE 200809L

#include "abp.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Output: our own buffer, so that an error found before the first     */
/* flush can still be answered with a clean "status error" response.   */
/* ------------------------------------------------------------------ */

#define OUT_CAP (1u << 20)          /* 1 MiB */
#define OUT_SLACK 4096u             /* flush when less than this is free */

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

/* Reads one line without its trailing "\n" / "\r\n". Returns -1 at EOF. */
static long read_line(void)
{
    ssize_t n = getline(&in_line, &in_cap, stdin);
    if (n < 0)
        return -1;
    while (n > 0 && (in_line[n - 1] == '\n' || in_line[n - 1] == '\r'))
        in_line[--n] = '\0';
    return (long)n;
}

static void drain_stdin(void)
{
    char buf[65536];
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
    out_len = 0; /* discard anything not yet flushed */
    out_printf("ABP 1\nstatus %s\nreason %s\nend\n", status, reason);
    out_flush();
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

static int run_accuracy(const abp_experiment *ex, long long cases)
{
    double in[ABP_MAX_COLUMNS];
    double out[ABP_MAX_COLUMNS];
    long long row;
    int j;

    out_printf("ABP 1\nstatus ok\ncolumns %d\ncases %lld\n", ex->n_out, cases);
    for (row = 0; row < cases; row++) {
        const char *problem;
        if (read_line() < 0)
            return fail_midstream("input ended after %lld of %lld rows", row, cases);
        if (strcmp(in_line, "end") == 0)
            return fail_midstream("'end' after %lld rows, header declared %lld", row, cases);
        problem = parse_row(in_line, ex->n_in, in);
        if (problem != NULL)
            return fail_midstream("row %lld: %s (expected %d numbers)", row + 1, problem, ex->n_in);
        for (j = 0; j < ex->n_out; j++)
            out[j] = NAN;
        ex->compute(in, out);
        for (j = 0; j < ex->n_out; j++) {
            if (j > 0)
                out_printf(" ");
            out_double(out[j]);
        }
        out_printf("\n");
    }
    if (read_line() < 0 || strcmp(in_line, "end") != 0)
        return fail_midstream("expected 'end' after %lld rows", cases);
    out_printf("end\n");
    out_flush();
    drain_stdin();
    return 0;
}

#define PERF_MAX_CASES 1048576LL

static int run_perf(const abp_experiment *ex, long long cases, long long ops, long long warmup)
{
    double *data;
    double out[ABP_MAX_COLUMNS];
    long long row, k;
    size_t idx;
    int j;
    volatile double sink = 0.0;
    struct timespec t0, t1, res;
    long long total_ns, res_ns;

    if (cases < 1)
        return respond_status("error", "perf mode needs at least one case");
    if (cases > PERF_MAX_CASES)
        return respond_status("error", "perf mode accepts at most %lld cases", PERF_MAX_CASES);
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

    /* warmup, untimed */
    idx = 0;
    for (k = 0; k < warmup; k++) {
        double acc = 0.0;
        ex->compute(data + idx * (size_t)ex->n_in, out);
        for (j = 0; j < ex->n_fold; j++)
            acc += out[j];
        sink += acc;
        if (++idx == (size_t)cases)
            idx = 0;
    }

    /* timed */
    idx = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (k = 0; k < ops; k++) {
        double acc = 0.0;
        ex->compute(data + idx * (size_t)ex->n_in, out);
        for (j = 0; j < ex->n_fold; j++)
            acc += out[j];
        sink += acc;
        if (++idx == (size_t)cases)
            idx = 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);

    total_ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (long long)(t1.tv_nsec - t0.tv_nsec);
    if (clock_getres(CLOCK_MONOTONIC, &res) == 0)
        res_ns = (long long)res.tv_sec * 1000000000LL + (long long)res.tv_nsec;
    else
        res_ns = 1;
    if (res_ns < 1)
        res_ns = 1;
    free(data);

    out_printf("ABP 1\nstatus ok\ntotal_ns %lld\nops %lld\nsink ", total_ns, ops);
    out_double(sink);
    out_printf("\nclock_res_ns %lld\nend\n", res_ns);
    out_flush();
    drain_stdin();
    return 0;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

int abp_main(int argc, char **argv, const char *version_line,
             const abp_experiment *table, size_t table_len)
{
    char experiment[256] = "";
    char mode[64] = "";
    int have_experiment = 0, have_mode = 0, have_columns = 0, have_cases = 0;
    int have_ops = 0, have_warmup = 0;
    long long columns = 0, cases = 0, ops = 0, warmup = 0;
    const abp_experiment *ex = NULL;
    size_t i, c;
    /* header keys whose value is a non-negative count */
    const struct {
        const char *key;
        long long *value;
        int *seen;
    } counts[] = {
        {"columns", &columns, &have_columns},
        {"cases", &cases, &have_cases},
        {"ops", &ops, &have_ops},
        {"warmup", &warmup, &have_warmup},
    };

    if (argc > 1) {
        if (strcmp(argv[1], "--version") == 0) {
            printf("%s\n", version_line);
            return 0;
        }
        fprintf(stderr, "usage: %s [--version]  (request on stdin, see docs/adapter-protocol.md)\n", argv[0]);
        return 2;
    }

    if (read_line() < 0)
        return respond_status("error", "empty request");
    if (strcmp(in_line, "ABP 1") != 0)
        return respond_status("error", "bad magic line, expected 'ABP 1'");

    /* header: "key value" lines up to and including "cases" */
    while (!have_cases) {
        char *key, *value, *space;
        if (read_line() < 0)
            return respond_status("error", "request header ended before 'cases'");
        if (in_line[0] == '\0')
            continue;
        key = in_line;
        space = strchr(in_line, ' ');
        if (space == NULL) {
            if (strcmp(key, "end") == 0)
                return respond_status("error", "'end' before 'cases' in request header");
            continue; /* a key without value: unknown, ignore */
        }
        *space = '\0';
        value = space + 1;
        if (strcmp(key, "experiment") == 0) {
            if (strlen(value) >= sizeof experiment)
                return respond_status("error", "experiment name too long");
            strcpy(experiment, value);
            have_experiment = 1;
        } else if (strcmp(key, "mode") == 0) {
            if (strlen(value) >= sizeof mode)
                return respond_status("error", "mode too long");
            strcpy(mode, value);
            have_mode = 1;
        } else {
            /* the four count keys; other keys: ignored, as the protocol requires */
            for (c = 0; c < sizeof counts / sizeof counts[0]; c++) {
                if (strcmp(key, counts[c].key) != 0)
                    continue;
                if (!parse_count(value, counts[c].value))
                    return respond_status("error", "bad %s value '%.60s'", counts[c].key, value);
                *counts[c].seen = 1;
                break;
            }
        }
    }

    if (!have_experiment)
        return respond_status("error", "request has no experiment line");
    for (i = 0; i < table_len; i++) {
        if (strcmp(table[i].name, experiment) == 0) {
            ex = &table[i];
            break;
        }
    }
    if (ex == NULL)
        return respond_status("error", "unknown experiment %.100s", experiment);
    if (ex->skip_reason != NULL)
        return respond_status("skipped", "%s", ex->skip_reason);
    if (!have_mode)
        return respond_status("error", "request has no mode line");
    if (!have_columns)
        return respond_status("error", "request has no columns line");
    if (columns != ex->n_in)
        return respond_status("error", "experiment %s expects %d input columns, request declares %lld",
                              ex->name, ex->n_in, columns);
    if (ex->compute == NULL || ex->n_in > ABP_MAX_COLUMNS || ex->n_out > ABP_MAX_COLUMNS
        || ex->n_fold > ex->n_out)
        return respond_status("error", "adapter table entry for %s is inconsistent", ex->name);

    if (strcmp(mode, "accuracy") == 0)
        return run_accuracy(ex, cases);
    if (strcmp(mode, "perf") == 0) {
        if (!have_ops || ops < 1)
            return respond_status("error", "perf request needs ops >= 1");
        if (!have_warmup)
            warmup = 0;
        return run_perf(ex, cases, ops, warmup);
    }
    return respond_status("error", "unknown mode %.60s", mode);
}
