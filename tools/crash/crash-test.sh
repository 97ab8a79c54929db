#!/usr/bin/env bash
# Crash test: a process saves organisations and conventions through the services in a loop and
# prints each one once its save has returned; it is killed at a random moment, then the base is
# reopened and every confirmed record looked for. Repeated N times on the same data folder.
#
#   tools/crash/crash-test.sh [kills=50] [signal=KILL|TERM] [results file]
#
# Prints one line per kill and a total; exits 1 if any confirmed record is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-50}
signal=${2:-KILL}
results=${3:-target/crash-test.md}
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/crash-classpath.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/crash-classpath.txt)"
work=$(mktemp -d /tmp/ancrage-crash.XXXXXX)
data="$work/data"
total_confirmed=0
total_missing=0
{
  echo "# Crash test"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), signal SIG$signal, $kills kills, data folder $data"
  echo "- command: tools/crash/crash-test.sh $kills $signal"
  echo
  echo "| kill | ran (ms) | confirmed in this run | confirmed in all | missing |"
  echo "|---:|---:|---:|---:|---:|"
} > "$results"

for i in $(seq 1 "$kills"); do
  out="$work/run-$i.txt"
  java -cp "$cp" fr.ancrage.crash.SaveLoop save "$data" > "$out" 2>"$work/run-$i.log" &
  pid=$!
  # wait until the loop is saving, then let it run a random 0.2 to 2.2 s
  for _ in $(seq 1 600); do
    grep -q '^ready' "$out" 2>/dev/null && break
    sleep 0.05
  done
  delay_ms=$(( 200 + RANDOM % 2000 ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -s "$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  run_confirmed=$(grep -c '^[OC] ' "$out" || true)
  cat "$out" >> "$work/confirmed.txt"
  verdict=$(java -cp "$cp" fr.ancrage.crash.SaveLoop verify "$data" "$work/confirmed.txt" 2>>"$work/verify.log" || true)
  confirmed=$(echo "$verdict" | awk '{print $2}')
  missing=$(echo "$verdict" | awk '{print $4}')
  total_confirmed=$confirmed
  total_missing=$missing
  echo "| $i | $delay_ms | $run_confirmed | $confirmed | $missing |" >> "$results"
  echo "kill $i/$kills after ${delay_ms} ms: $run_confirmed saves confirmed in this run; $verdict"
  if [ -z "$missing" ] || [ "$missing" != "0" ]; then
    break
  fi
done
echo >> "$results"
echo "**Total: $total_confirmed confirmed records, $total_missing missing.**" >> "$results"
echo "Total: $total_confirmed confirmed records, $total_missing missing (results in $results)"
[ "$total_missing" = "0" ]
