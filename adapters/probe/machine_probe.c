/*
 * AstroBench machine-speed probe (docs/engine.md, "The machine-speed probe" and "Contended cycles").
 *
 * A fixed, tiny, deterministic kernel timed once per timing cycle as a fresh process, so that a run can state how
 * much the machine's own speed moved while it timed the libraries, and so that the rounds of a cycle the machine was
 * contended in can be told apart. The kernel never changes with the run: the same ops, the same data, so two runs'
 * probe figures compare the machine, not the code.
 *
 * One op = one step of eight independent degree-5 polynomial chains (Horner form) and one sin x * cos 1.1x from the C
 * library's libm on a fixed table: throughput-bound floating-point work and libm calls, the mix astronomy libraries
 * run (nutation and precession series are polynomials inside sines and cosines). Kernel 1 was latency-bound (one
 * dependent chain and an L1 table walk) and stayed within 1-2 % while this kind of code, the libraries' own rounds
 * included, ran 1.4-1.6 times slower for seconds at a time (a virtual machine whose physical core is shared).
 *
 * Output (one line): "probe 1 ops <OPS> values_ns_per_op <v1> <v2> ... <vV>", values in ns per op, after one untimed
 * warm-up value. Usage: machine_probe [VALUES] (default 3, at most 20).
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PROBE_FORMAT 1
#define PROBE_OPS 50000L /* about 1 ms per value: a probe process (warm-up + 3 values) costs about 4-5 ms */
#define CHAINS 8
#define TABLE_SIZE 4096
#define MAX_VALUES 20

static double table[TABLE_SIZE];
static volatile double sink;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + (long long)t.tv_nsec;
}

static void fill_table(void)
{
    for (int i = 0; i < TABLE_SIZE; i++)
        table[i] = (double)i * 0.001;
}

static double run_value(long ops)
{
    double chain[CHAINS] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    double trig = 0.0;
    long long t0 = now_ns();
    for (long i = 0; i < ops; i++) {
        for (int j = 0; j < CHAINS; j++) {
            double x = chain[j];
            /* Maps [0, 1] into about [0.4, 0.401]: never denormal, never overflows, never converges to a constant op. */
            chain[j] = ((((x * -4.34e-8 + 1e-11) * x - 5.76e-7) * x + 2.0034e-3) * x - 1.831e-4) * x * 0.5 + 0.4;
        }
        double a = table[i & (TABLE_SIZE - 1)];
        trig += sin(a) * cos(a * 1.1);
    }
    long long t1 = now_ns();
    sink = chain[0] + chain[CHAINS - 1] + trig;
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
