#!/usr/bin/env bash
# Measures OneDoor's start-up time and memory after start, for docs/benchmarks.md.
# For each run it starts target/onedoor.jar on a data folder, polls /actuator/health until it reports UP,
# then reads the Java process's resident memory (VmRSS, VmHWM from /proc) and the heap in use (jcmd GC.heap_info).
# The first run starts on an empty folder (initdb, all migrations, the demo area); the next runs restart on it.
# Usage: mvn -DskipTests package && tools/benchmark-startup.sh [runs, default 3]
set -euo pipefail

runs=${1:-3}
jar=target/onedoor.jar
port=18181
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

[[ -f "$jar" ]] || { echo "Missing $jar: run 'mvn -DskipTests package' first." >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(java -version 2>&1 | head -1)"
printf '%-8s %-12s %-14s %-14s %-14s %-14s\n' run start_s health_s rss_mib peak_rss_mib heap_used_mib
for run in $(seq 1 "$runs"); do
    started=$(date +%s.%N)
    ONEDOOR_DATA_DIR="$data" ONEDOOR_PORT=$port ONEDOOR_ADMIN_PASSWORD=benchmark-password-123 \
        java -jar "$jar" > "$data/run-$run.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
        kill -0 $pid 2>/dev/null || { echo "OneDoor exited; see $data/run-$run.log" >&2; tail -20 "$data/run-$run.log" >&2; exit 1; }
        sleep 0.1
    done
    healthy=$(date +%s.%N)
    sleep 2
    spring=$(grep -o 'Started OneDoorApplication in [0-9.]* seconds' "$data/run-$run.log" | awk '{print $4}')
    rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    hwm=$(awk '/^VmHWM/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    heap=$(jcmd $pid GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); printf "%.0f", v/1024; exit}}')
    printf '%-8s %-12s %-14s %-14s %-14s %-14s\n' "$run" "$spring" "$(echo "$healthy - $started" | bc)" "$rss" "$hwm" "${heap:-?}"
    kill $pid
    wait $pid 2>/dev/null || true
done
