/* libnova_apparent.h - libnova's side of the apparent-place experiments (issue 13). */
#ifndef LIBNOVA_APPARENT_H
#define LIBNOVA_APPARENT_H

void libnova_apparent_place(const double *in, double *out);
void libnova_observed_horizontal(const double *in, double *out);

#endif
