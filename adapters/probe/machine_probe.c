/*
 * AstroBench machine-speed probe (docs/engine.md, "The machine-speed probe").
 *
 * A fixed, tiny, deterministic kernel timed once per timing cycle as a fresh process, so that a run can state how
 * much the machine's own speed moved while it timed the libraries. The kernel never changes with the run: the same
 * ops, the same data, the same dependent chains, so two runs' probe figures compare the machine, not the code.
 *
 * One op = one step of a dependent floating-point chain (multiply, add, divide-free) and one step of a dependent walk
 * through a 4 KiB table (a fixed permutation, L1-resident): both are latency-bound, so the figure follows the core's
 * clock and its memory pipeline rather than the compiler's vectoriser.
 *
 * Output (one line): "probe 1 ops <OPS> values_ns_per_op <v1> <v2> ... <vV>", values in ns per op, after one untimed
 * warm-up value. Usage: machine_probe [VALUES] (default 3, at most 20).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PROBE_FORMAT 1
#define PROBE_OPS 500000L
#define TABLE_SIZE 1024
#define MAX_VALUES 20

static unsigned table[TABLE_SIZE];
static volatile double sink_fp;
static volatile unsigned sink_walk;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + (long long)t.tv_nsec;
}

/* A full-cycle permutation (i -> (i * 389 + 1) mod 1024, an LCG of full period), so the walk visits every entry. */
static void fill_table(void)
{
    for (unsigned i = 0; i < TABLE_SIZE; i++)
        table[i] = (i * 389u + 1u) % TABLE_SIZE;
}

static double run_value(long ops)
{
    double x = 0.5;
    unsigned k = 0;
    long long t0 = now_ns();
    for (long i = 0; i < ops; i++) {
        k = table[k];
        /* Stays in (0, 2): x' = x * 0.999 + 0.001 * (1 + k / 1024) converges, never denormal, never overflows. */
        x = x * 0.999 + 0.001 * (1.0 + (double)k * (1.0 / TABLE_SIZE));
    }
    long long t1 = now_ns();
    sink_fp = x;
    sink_walk = k;
    return (double)(t1 - t0) / (double)ops;
}

int main(int argc, char **argv)
{
    int values = 3;
    if (argc > 2) {
        fprintf(stderr, "usage: %s [VALUES]\n", argv[0]);
        return 2;
    }
    if (argc == 2) {
        char *end;
        long v = strtol(argv[1], &end, 10);
        if (*end != '\0' || v < 1 || v > MAX_VALUES) {
            fprintf(stderr, "%s: VALUES must be 1..%d\n", argv[0], MAX_VALUES);
            return 2;
        }
        values = (int)v;
    }
    fill_table();
    (void)run_value(PROBE_OPS); /* warm-up: page faults, caches, frequency */
    printf("probe %d ops %ld values_ns_per_op", PROBE_FORMAT, PROBE_OPS);
    for (int v = 0; v < values; v++)
        printf(" %.6f", run_value(PROBE_OPS));
    printf("\n");
    return 0;
}
