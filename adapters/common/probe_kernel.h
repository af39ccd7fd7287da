/*
 * The machine-speed probe's kernel (docs/engine.md, "The machine-speed probe"), in one place for the two that run it:
 * adapters/probe/machine_probe.c (a probe process before each timing cycle) and abp.c (protocol 7: probe chunks inside
 * a C timing process, before its first value and after each value; docs/engine.md, "Contended values"). One definition,
 * so that both read the same code and their figures compare.
 *
 * One op = one step of eight independent degree-5 polynomial chains (Horner form) and one sin x * cos 1.1x from the C
 * library's libm on a fixed table: throughput-bound floating-point work and libm calls, the mix astronomy libraries
 * run (nutation and precession series are polynomials inside sines and cosines). A latency-bound kernel (one dependent
 * chain and an L1 table walk) stayed within 1-2 % while this kind of code ran 1.4-1.6 times slower for tenths of a
 * second to seconds at a time (a virtual machine whose physical core is shared).
 */
#ifndef ASTROBENCH_PROBE_KERNEL_H
#define ASTROBENCH_PROBE_KERNEL_H

#include <math.h>

#define PROBE_KERNEL_CHAINS 8
#define PROBE_KERNEL_TABLE 4096

static double probe_kernel_table[PROBE_KERNEL_TABLE];
static volatile double probe_kernel_sink;

static inline void probe_kernel_init(void)
{
    for (int i = 0; i < PROBE_KERNEL_TABLE; i++)
        probe_kernel_table[i] = (double)i * 0.001;
}

/* Runs `ops` ops of the kernel (after probe_kernel_init); the caller times it. */
static inline void probe_kernel_run(long ops)
{
    double chain[PROBE_KERNEL_CHAINS] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    double trig = 0.0;
    for (long i = 0; i < ops; i++) {
        for (int j = 0; j < PROBE_KERNEL_CHAINS; j++) {
            double x = chain[j];
            /* Maps [0, 1] into about [0.4, 0.401]: never denormal, never overflows, never converges to a constant op. */
            chain[j] = ((((x * -4.34e-8 + 1e-11) * x - 5.76e-7) * x + 2.0034e-3) * x - 1.831e-4) * x * 0.5 + 0.4;
        }
        double a = probe_kernel_table[i & (PROBE_KERNEL_TABLE - 1)];
        trig += sin(a) * cos(a * 1.1);
    }
    probe_kernel_sink = chain[0] + chain[PROBE_KERNEL_CHAINS - 1] + trig;
}

#endif
