/*
 * AstroBench machine-speed probe (docs/engine.md, "The machine-speed probe" and "Contended cycles").
 *
 * A fixed, tiny, deterministic kernel timed once per timing cycle as a fresh process, so that a run can state how
 * much the machine's own speed moved while it timed the libraries, and so that the rounds of a cycle the machine was
 * contended in can be told apart. The kernel never changes with the run: the same ops, the same data, so two runs'
 * probe figures compare the machine, not the code.
 *
 * The kernel (probe_kernel.h, shared with the C adapters' in-process probe chunks of protocol 7) is timed
 * PROBE_OPS ops per value.
 *
 * Output (one line): "probe 1 ops <OPS> values_ns_per_op <v1> <v2> ... <vV>", values in ns per op, after one untimed
 * warm-up value. Usage: machine_probe [VALUES] (default 3, at most 20).
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../common/probe_kernel.h"

#define PROBE_FORMAT 1
#define PROBE_OPS 50000L /* about 1 ms per value: a probe process (warm-up + 3 values) costs about 4-5 ms */
#define MAX_VALUES 20

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + (long long)t.tv_nsec;
}

static double run_value(long ops)
{
    long long t0 = now_ns();
    probe_kernel_run(ops);
    long long t1 = now_ns();
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
    probe_kernel_init();
    (void)run_value(PROBE_OPS); /* warm-up: page faults, caches, frequency */
    printf("probe %d ops %ld values_ns_per_op", PROBE_FORMAT, PROBE_OPS);
    for (int v = 0; v < values; v++)
        printf(" %.6f", run_value(PROBE_OPS));
    printf("\n");
    return 0;
}
