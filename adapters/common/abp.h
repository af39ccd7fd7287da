/*
 * abp.h - shared helper for C adapters speaking the AstroBench adapter
 * protocol "ABP 1" (see docs/adapter-protocol.md).
 *
 * An adapter describes its experiments in a table and hands control to
 * abp_main(). Each experiment computes ONE case:
 *
 *     static void my_compute(const double *in, double *out);
 *
 * Accuracy mode streams the request: every row is parsed, computed and
 * written before the next row is read, so the number of cases is not
 * limited. Perf mode reads the (small) sample of cases, warms up (`warmup`
 * ops, or with "warmup auto" until a steady state), times `ops` operations
 * cycling through the cases, folding outputs into a sink, then times the
 * same loop with an empty body and reports its cost per op (protocol 3).
 *
 * C99 + POSIX (clock_gettime).
 */
#ifndef ABP_H
#define ABP_H

#include <stddef.h>

#define ABP_MAX_COLUMNS 32

typedef void (*abp_compute_fn)(const double *in, double *out);

typedef struct {
    const char *name;          /* experiment name, e.g. "gmst_era" */
    int n_in;                  /* number of input columns the request must declare */
    int n_out;                 /* number of output columns written per case */
    int n_fold;                /* leading outputs summed into the perf sink (<= n_out) */
    abp_compute_fn compute;    /* computes one case; NULL only if skip_reason is set */
    const char *skip_reason;   /* non-NULL: answer "status skipped" with this reason */
} abp_experiment;

/*
 * Runs the adapter: handles "--version" (prints version_line), otherwise
 * reads one request from stdin and writes the response to stdout.
 * Returns the process exit code.
 */
int abp_main(int argc, char **argv, const char *version_line,
             const abp_experiment *table, size_t table_len);

/* Writes a double so that it round-trips (%.17g; nan/inf/-inf spelled plainly). */
void abp_write_double(double x);

/*
 * Stores the 3x3 matrix r row-major in out[0..8]: the r11..r33 output
 * columns of the direction transforms (call with out + 3, after x y z).
 */
void abp_store_matrix(double r[3][3], double *out);

/*
 * kepler_solver's domain (in[0] = M, in[1] = e): returns 1 when M is finite
 * and 0 <= e < 1; otherwise sets out[0] and out[1] to nan and returns 0.
 */
int abp_kepler_in_domain(const double *in, double *out);

/* 2*pi, pi and conversion helpers usable by adapters (M_PI is not C99). */
#define ABP_PI 3.14159265358979323846
#define ABP_2PI 6.28318530717958647693
#define ABP_DEG2RAD (ABP_PI / 180.0)
#define ABP_RAD2DEG (180.0 / ABP_PI)

#endif
