#!/usr/bin/env bash
# Measures each experiment's reference uncertainty and updates the catalog's data file
# src/AstroBench.Core/Experiments/reference-uncertainty.json (checked in; docs/scoreboard.md), with provenance
# (run id, library, date). Three presets, or any library and experiments:
#   erfa-floor   ERFA experiments: the reference (liberfa) vs astropy, the same model computed along astropy's own
#                path (Debian's pyerfa links the same liberfa.so.1: the differences are astropy's own date handling and
#                matrix arithmetic); the numerical floor. equ_horizontal and horiz_to_equ are left out: astropy's path
#                there adds the TIO locator s' (a model term, up to 0.05 mas), not a numerical figure.
#   mp-floor     equ_horizontal, horiz_to_equ, kepler_solver, apparent_place, observed_horizontal, time_scales: the
#                reference vs the measuring instrument scripts/reference-floor/mpmath-floor, the reference's own model
#                evaluated at 40 digits (mpmath; for the star experiments from ERFA's astrometry context as given
#                inputs); the difference is the reference's double-precision error.
#   ephemerides  Sun, Moon and planets: the reference (Swiss Ephemeris, JPL DE431) vs a second JPL integration;
#                LIBRARY must declare a DE… model (e.g. casacore with DE405). Default LIBRARY: casacore.
# The measuring instruments of scripts/reference-floor/ are adapters too, found with a second --adapters-dir; they are
# not libraries under test and appear in no other run.
# Usage: scripts/measure-reference-uncertainty.sh PRESET [LIBRARY]
#        scripts/measure-reference-uncertainty.sh custom LIBRARY EXPERIMENTS
# Environment: N (cases, default 20000), SEED (default 42), RUN (reuse this run id instead of a new run),
#              TIMEOUT (seconds per adapter call, default 3600: the instruments evaluate 20,000 cases at 40 digits in one call),
#              RESULTS (results dir, default a temp dir kept for provenance under results/reference-uncertainty).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
preset="${1:?usage: $0 erfa-floor|mp-floor|ephemerides [LIBRARY] | custom LIBRARY EXPERIMENTS}"
erfa_floor="bias_precession,equ_ecl,frame_bias,frame_rotation_bpn,gmst_era,icrs_ecl_j2000,icrs_ecl_tod,inv_bias_precession,inv_bpn,inv_equ_ecl,inv_frame_bias,inv_icrs_ecl_j2000,inv_icrs_ecl_tod,inv_nutation,inv_obliquity,inv_precession,inv_precession_nutation,nutation,obliquity,precession,precession_nutation"
mp_floor="equ_horizontal,horiz_to_equ,kepler_solver,apparent_place,observed_horizontal,time_scales"
ephemerides="solar_position,lunar_position,mercury_position,venus_position,mars_position,jupiter_position,saturn_position,uranus_position,neptune_position"
case "$preset" in
  erfa-floor) library="${2:-astropy}"; experiments="$erfa_floor"; reference=erfa ;;
  mp-floor) library="${2:-mpmath-floor}"; experiments="$mp_floor"; reference=erfa ;;
  ephemerides) library="${2:-casacore}"; experiments="$ephemerides"; reference=swisseph ;;
  custom) library="${2:?library}"; experiments="${3:?experiments}"; reference="erfa,swisseph" ;;
  *) echo "unknown preset '$preset'" >&2; exit 2 ;;
esac
results="${RESULTS:-$root/results/reference-uncertainty}"
mkdir -p "$results"
dotnet build AstroBench.sln -c Release -nologo -v q >/dev/null
run="${RUN:-}"
if [ -z "$run" ]; then
  "$root/scripts/astrobench" run --experiments "$experiments" --libraries "$reference,$library" \
    --adapters-dir "$root/adapters" --adapters-dir "$root/scripts/reference-floor" --n "${N:-20000}" --seed "${SEED:-42}" \
    --no-perf --timeout "${TIMEOUT:-3600}" --results-dir "$results" --notes "reference uncertainty: $preset with $library" | tee "$results/last-run.log" | grep -E '^\[RUN\] finish' || true
  run="$(grep -oE 'run_id=[0-9_-]+' "$results/last-run.log" | tail -1 | cut -d= -f2)"
  [ -n "$run" ] || { echo "the run did not finish: see $results/last-run.log" >&2; exit 1; }
fi
"$root/scripts/astrobench" runs reference-uncertainty "$run" --results-dir "$results" --library "$library" --experiments "$experiments" \
  --output "$root/src/AstroBench.Core/Experiments/reference-uncertainty.json"
echo "run $run in $results; rebuild to embed the new figures: dotnet build AstroBench.sln -c Release"
