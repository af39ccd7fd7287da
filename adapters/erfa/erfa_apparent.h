/* erfa_apparent.h - reference functions of the apparent-place and time-scale experiments. */
#ifndef ERFA_APPARENT_H
#define ERFA_APPARENT_H

void erfa_apparent_place(const double *in, double *out);
void erfa_observed_horizontal(const double *in, double *out);
void erfa_time_scales(const double *in, double *out);
void erfa_print_data_versions(void);

#endif
