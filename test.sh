#!/usr/bin/env bash
# The one test command (README, "The two commands"), also what CI runs (.ci/run):
#   1. installs what the tests start themselves when it is missing and this user may install (root, or `sudo -n`):
#      Chromium and its fonts (browser tests), the PostgreSQL and Redis server binaries (the PostgreSQL suite and the
#      scale-out tests start throwaway servers on loopback; nothing is configured or left running), Node.js and npm;
#      then the pinned tools the API document is checked with: Redocly CLI (`npm ci` in
#      tests/IncidentDesk.IntegrationTests/ApiTools) and Kiota (`dotnet tool restore`, dotnet-tools.json);
#   2. runs every suite with `dotnet test` (Microsoft.Testing.Platform, see global.json) and xUnit's TRX reports;
#   3. prints how many tests were skipped and why (a server still missing: the reason names the install line), then
#      the closing line "N passed, N failed".
# With CI set in the environment (CI services set it; .ci/run does too) a skipped test fails the run: CI runs them all.
# Arguments go to `dotnet test` (e.g. ./test.sh --project tests/IncidentDesk.IntegrationTests --filter-class '*ApiRouteTests').
# The test binaries can be pointed elsewhere: CHROMIUM_PATH, INCIDENTDESK_TEST_POSTGRES_BIN (a folder with initdb, pg_ctl,
# postgres), INCIDENTDESK_TEST_REDIS_SERVER; the tests read the same variables (tests/Shared/TestServers.cs).
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
strict=0
case "${CI:-}" in "" | 0 | false | False | FALSE) ;; *) strict=1 ;; esac

has_postgres() { [ -x "$1/postgres" ] && [ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ]; }
# A program on PATH that can be run (bash's `command -v` also names a file it could not run).
on_path() {
    local folder
    local IFS=:
    for folder in $PATH; do [ -f "$folder/$1" ] && [ -x "$folder/$1" ] && return 0; done
    return 1
}

# What is missing, as Debian packages; a variable pointing at a binary that is not there is reported, not "fixed" by an install.
need=(); pointed=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || pointed+=("CHROMIUM_PATH=$CHROMIUM_PATH")
else
    [ -x /usr/bin/chromium ] || need+=(chromium)
fi
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ -n "${INCIDENTDESK_TEST_POSTGRES_BIN:-}" ]; then
    has_postgres "$INCIDENTDESK_TEST_POSTGRES_BIN" || pointed+=("INCIDENTDESK_TEST_POSTGRES_BIN=$INCIDENTDESK_TEST_POSTGRES_BIN")
else
    found=0
    for bin in /usr/lib/postgresql/*/bin; do has_postgres "$bin" && found=1; done
    [ "$found" -eq 1 ] || need+=(postgresql)
fi
if [ -n "${INCIDENTDESK_TEST_REDIS_SERVER:-}" ]; then
    [ -x "$INCIDENTDESK_TEST_REDIS_SERVER" ] || pointed+=("INCIDENTDESK_TEST_REDIS_SERVER=$INCIDENTDESK_TEST_REDIS_SERVER")
else
    on_path redis-server || need+=(redis-server)
fi
on_path node || need+=(nodejs)
on_path npm || need+=(npm)

for variable in "${pointed[@]}"; do
    echo "Not found: $variable (the tests that need it will be skipped)."
done

if [ ${#need[@]} -gt 0 ]; then
    as_root=()
    if [ "$(id -u)" -eq 0 ]; then
        may_install=1
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        may_install=1; as_root=(sudo -n)
    else
        may_install=0
    fi

    if [ "$may_install" -eq 1 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing: ${need[*]}"
        if ! { "${as_root[@]}" apt-get update -qq \
               && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }; then
            echo "Could not install ${need[*]}; the tests that need them will be skipped."
            if [ "$strict" -eq 1 ]; then echo "0 passed, 1 failed"; exit 1; fi
        fi
    else
        echo "Missing: ${need[*]}. This user may not install packages (not root, no password-less sudo), so the tests"
        echo "that need them will be reported as skipped. To run them: sudo apt-get install -y ${need[*]}"
    fi
fi

# The pinned tools run against the API document. Without them those tests are skipped with the reason (and fail CI).
api_tools=tests/IncidentDesk.IntegrationTests/ApiTools
if on_path npm && { [ ! -x "$api_tools/node_modules/.bin/redocly" ] \
                    || [ "$api_tools/package-lock.json" -nt "$api_tools/node_modules/.package-lock.json" ]; }; then
    echo "Installing the pinned API tools (npm ci in $api_tools)"
    (cd "$api_tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
        || echo "npm ci failed in $api_tools: the API document's lint will be skipped."
fi
dotnet tool restore >/dev/null || echo "dotnet tool restore failed: the generated API client's check will be skipped."

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
# Outside CI a suite whose every test was skipped is not an error of its own (Microsoft.Testing.Platform's exit code 8,
# "zero tests ran"): the summary below says what was skipped and why.
ignore=(); [ "$strict" -eq 1 ] || ignore=(--ignore-exit-code 8)
# Every test project at once (dotnet test's default is one per core): the browser suite and the two integration suites
# each take minutes and spend much of them waiting on Chromium, child processes and disks, so queued behind one another
# they would leave the cores idle. Six is the number of test projects.
parallel=(--max-parallel-test-modules 6)
start=$(date +%s)
dotnet test --report-xunit-trx --results-directory "$results" "${parallel[@]}" "${ignore[@]}" "$@"
status=$?
echo "dotnet test finished in $(( $(date +%s) - start )) s with exit code $status"

passed=0; failed=0; skipped=0; e2e_seen=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    p=$(value passed); f=$(value failed); e=$(value error); t=$(value total); x=$(value executed)
    passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - x))
    grep -q 'IncidentDesk.EndToEndTests' "$trx" && e2e_seen=1
done

# A full run without the browser suite's report means that suite never ran (it crashed or was not built).
if [ $# -eq 0 ] && [ "$e2e_seen" -eq 0 ]; then
    echo "The end-to-end suite did not report (it did not run)."
    failed=$((failed + 1)); status=1
fi

if [ "$skipped" -gt 0 ]; then
    echo
    echo "$skipped test(s) skipped. Why (tests, reason):"
    # Each skipped test's reason is its standard output in the TRX report (xUnit's Assert.Skip).
    awk '/<UnitTestResult / { notrun = ($0 ~ /outcome="NotExecuted"/) }
         notrun && /<StdOut>/ { r = $0; sub(/.*<StdOut>/, "", r); sub(/<\/StdOut>.*/, "", r); print r; notrun = 0 }' \
        "$results"/*.trx \
        | sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g' \
        | sort | uniq -c | sort -rn | sed 's/^ *\([0-9]*\) /  \1  /'
    if [ "$strict" -eq 1 ]; then
        echo "CI runs every test: a skip is a failure here."
        status=1
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
