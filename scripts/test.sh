#!/usr/bin/env bash
# The whole suite as two vitest processes at once (`npm test`; arguments go to both):
# - the app tests: one embedded stack, one file at a time (they share its clock and fault
#   settings), mostly waiting on the stack rather than using the CPU;
# - the unit, infra and local-stop tests: no shared stack, CPU-bound, so they fill the cores the app tests leave idle;
#   niced, so that the app tests (the longer lane, whose browser and timing-sensitive tests suffer
#   most from a busy machine) get the CPU first.
# Fails when either fails.
set -uo pipefail
nice -n 10 npx vitest run --project unit --project infra --project stop --passWithNoTests "$@" > >(sed -u 's/^/[unit+infra+stop] /') 2>&1 &
pure=$!
npx vitest run --project app --passWithNoTests "$@"
app=$?
wait "$pure"
pure_rc=$?
exit $((app != 0 || pure_rc != 0))
