#!/usr/bin/env bash
# End-to-end test of the dyad CLI: bad input is reported with file, line or
# byte offset while the rest of the batch is stored; re-ingesting is
# idempotent; a run killed mid-way leaves a consistent database that a rerun
# completes; every command answers --help.
#   usage: cli_end_to_end_test.sh path/to/dyad path/to/data/sample
set -u
dyad=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }

# --- bad input beside good input ----------------------------------------
mkdir -p "$tmp/in"
printf 'A good article about talks in Lima.\n' > "$tmp/in/good.txt"
: > "$tmp/in/empty.txt"
printf '\x7fELF\x00\x00\x01binary' > "$tmp/in/binary.txt"
printf 'line one\nCaf\xe9 con leche\n' > "$tmp/in/latin1.txt"
printf '{"id":"j1","date":"2024-01-02","text":"First record."}\n{"id":"j2","text":"broken\n{"id":"j3","text":"Third record."}\n' > "$tmp/in/batch.jsonl"
head -c 3000000 /dev/zero | tr '\0' 'a' > "$tmp/in/huge.txt"

"$dyad" ingest "$tmp/in" --db "$tmp/a.db" --max-bytes 1000000 > "$tmp/out" 2> "$tmp/err"
status=$?
check "exit status is 1 when something failed" test "$status" -eq 1
check "summary counts the stored documents" contains "$tmp/out" "ingested 3 documents (3 added"
check "summary counts the errors" contains "$tmp/out" "5 errors"
check "empty file named" contains "$tmp/err" "empty.txt: empty file"
check "binary file named" contains "$tmp/err" "binary.txt: binary data"
check "invalid UTF-8 with line and byte" contains "$tmp/err" "latin1.txt:2: byte 12: invalid UTF-8"
check "broken JSON line named" contains "$tmp/err" "batch.jsonl:2: byte"
check "oversized file named" contains "$tmp/err" "huge.txt: file is 3000000 bytes, over the limit"
check "records after the broken line stored" test "$(sqlite3 "$tmp/a.db" "select count(*) from documents where id in ('j1','j3','good')")" = 3
check "integrity" test "$(sqlite3 "$tmp/a.db" 'pragma integrity_check')" = ok

# --- idempotent re-ingest ------------------------------------------------
"$dyad" ingest "$sample" --db "$tmp/s.db" > "$tmp/out1" 2>&1
check "sample ingests cleanly" test $? -eq 0
"$dyad" ingest "$sample" --db "$tmp/s.db" > "$tmp/out2" 2>&1
check "second ingest changes nothing" contains "$tmp/out2" "0 added, 0 replaced, 5 unchanged"
check "sentence count stable" test "$(sqlite3 "$tmp/s.db" 'select count(*) from sentences')" = \
  "$(sqlite3 "$tmp/s.db" 'select sum(n_sentences) from documents')"
"$dyad" show 2019-01-24-recognition --db "$tmp/s.db" > "$tmp/show"
check "show prints sentences with offsets" grep -qE '^\[0\] [0-9]+\.\.[0-9]+ ' "$tmp/show"
check "show lists dropped lines" contains "$tmp/show" "advertisement: - Advertisement -"
check "html page read" test "$(sqlite3 "$tmp/s.db" "select date from documents where id='2019-04-30-uprising'")" = 2019-04-30
"$dyad" show nope --db "$tmp/s.db" > /dev/null 2> "$tmp/err"
check "show of a missing document fails clearly" contains "$tmp/err" "no document 'nope'"

# --- dyad serve as a real process on loopback ------------------------------
if command -v curl > /dev/null && command -v python3 > /dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$dyad" serve --db "$tmp/s.db" --port "$port" > "$tmp/serve.out" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 100); do curl -s -m 1 "http://127.0.0.1:$port/api/stats" > "$tmp/stats" 2>/dev/null && break; sleep 0.1; done
  check "serve answers /api/stats" grep -q '"documents":5' "$tmp/stats"
  check "serve prints its address" grep -q "127.0.0.1:$port" "$tmp/serve.out"
  code=$(curl -s -o "$tmp/ev" -w '%{http_code}' -m 5 "http://127.0.0.1:$port/api/events?limit=3")
  check "events endpoint answers 200" test "$code" = 200
  code=$(curl -s -o "$tmp/inj" -w '%{http_code}' -m 5 -G "http://127.0.0.1:$port/api/events" --data-urlencode "actor=' OR 1=1 --")
  check "an injection-looking parameter matches nothing" test "$code" = 200 -a "$(cat "$tmp/inj")" = "[]"
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$port/api/events?from=yesterday")
  check "a bad date is a 400" test "$code" = 400
  if command -v ss > /dev/null; then
    check "binds to loopback only" bash -c "ss -ltn | grep -q '127.0.0.1:$port' && ! ss -ltn | grep -q '0.0.0.0:$port'"
  fi
  kill "$serve_pid" 2>/dev/null; sleep 0.5; kill -9 "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
else
  echo "skipping the serve checks: curl or python3 missing"
fi

# --- a killed run is consistent and resumable ----------------------------
mkdir -p "$tmp/many"
for i in $(seq 1 400); do
  cp "$sample/2019-01-24-recognition.txt" "$tmp/many/doc$i.txt"
done
"$dyad" ingest "$tmp/many" --db "$tmp/k.db" --quiet > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  n=$(sqlite3 "$tmp/k.db" 'select count(*) from documents' 2>/dev/null || echo 0)
  [[ ${n:-0} -ge 20 ]] && break
  sleep 0.02
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
stored=$(sqlite3 "$tmp/k.db" 'select count(*) from documents')
check "killed run stored some documents" test "$stored" -gt 0
check "killed run left a consistent file" test "$(sqlite3 "$tmp/k.db" 'pragma integrity_check')" = ok
check "no partial document" test "$(sqlite3 "$tmp/k.db" 'select count(*) from documents d where n_sentences <> (select count(*) from sentences s where s.doc = d.doc)')" = 0
"$dyad" ingest "$tmp/many" --db "$tmp/k.db" --quiet > "$tmp/out3" 2>&1
check "rerun completes the batch" test "$(sqlite3 "$tmp/k.db" 'select count(*) from documents')" = 400
check "rerun skips what was stored" contains "$tmp/out3" "$stored unchanged"

# --- every command has --help ---------------------------------------------
"$dyad" --help > "$tmp/help"
for cmd in $(awk '/^commands:/{f=1;next} f && NF {print $1}' "$tmp/help" | grep -v "^'"); do
  "$dyad" "$cmd" --help > "$tmp/h" 2>&1
  check "$cmd --help" test $? -eq 0
  check "$cmd --help shows usage" contains "$tmp/h" "usage: dyad $cmd"
done

# --- events: stored by ingest, printed as tsv and PLOVER, scored by eval ---
check "ingest stores into schema 3 or later" test "$(sqlite3 "$tmp/s.db" 'pragma user_version')" -ge 3
check "stored events point at stored sentences" test "$(sqlite3 "$tmp/s.db" 'select count(*) from events e where not exists (select 1 from sentences s where s.doc = e.doc and s.idx = e.sentence)')" = 0
check "stored events count what code finds" test "$(sqlite3 "$tmp/s.db" 'select count(*) from events')" = \
  "$("$dyad" code "$sample" --format jsonl 2>/dev/null | wc -l)"
"$dyad" code "$sample" --format tsv > "$tmp/code.tsv" 2> /dev/null
check "code --format tsv has a header" test "$(head -1 "$tmp/code.tsv" | cut -f1,5,9)" = "$(printf 'doc\tsource\tcameo')"
check "code --format tsv: one line per event" test "$(($(wc -l < "$tmp/code.tsv") - 1))" = \
  "$(sqlite3 "$tmp/s.db" 'select count(*) from events')"
"$dyad" code "$sample" --format plover > "$tmp/code.plover" 2> /dev/null
check "code --format plover runs" test $? -eq 0
check "plover records carry id, date, actor, event" test "$(grep -cv '^{"id":.*"date":.*"actor":\[.*"event":\["[A-Z_]*"\]' "$tmp/code.plover")" = 0
check "plover records: one per event with a PLOVER type" test "$(wc -l < "$tmp/code.plover")" = \
  "$(sqlite3 "$tmp/s.db" "select count(*) from events where plover <> ''")"
"$dyad" code "$sample" --format xml > /dev/null 2>&1
check "code rejects an unknown format" test $? -eq 2
tiny_gold="$sample/../../src/eval/testdata/tiny/gold/tiny.jsonl"
"$dyad" eval --gold "$tiny_gold" > "$tmp/eval_tiny" 2> "$tmp/eval_tiny_err"
check "eval without --system runs the pipeline" test $? -eq 0
check "eval without --system prints event scores" contains "$tmp/eval_tiny" "events, root"
check "eval without --system says what it coded" contains "$tmp/eval_tiny_err" "dyad eval: coded"
printf -- '--- SHIP [070] ---\nSHIP\n- ARMS [070]\n' > "$tmp/bad.verbs.txt"
"$dyad" eval --gold "$tiny_gold" --verbs "$tmp/bad.verbs.txt" > /dev/null 2> "$tmp/eval_bad_verbs"
check "a malformed verb dictionary fails the run" test $? -eq 1
check "a malformed verb dictionary line is named" contains "$tmp/eval_bad_verbs" "bad.verbs.txt:3"
shared="$sample/../../../shared"
if [[ -f "$shared/external/universal-petrarch/PETR2_GSR_validation.jsonl" ]]; then
  "$dyad" eval --gold "$shared/external/universal-petrarch/PETR2_GSR_validation.jsonl" > "$tmp/eval_petr2" 2> /dev/null
  check "eval on PETR2 without --system" test $? -eq 0
  check "eval on PETR2 prints exact-sentence agreement" contains "$tmp/eval_petr2" "exact-sentence agreement"
  cameo_verbs="$shared/external/petrarch2/dictionaries/phoenix/CAMEO.2.0.txt"
  "$dyad" eval --gold "$shared/external/universal-petrarch/PETR2_GSR_validation.jsonl" --verbs "$cameo_verbs" \
    --no-bundled-verbs > "$tmp/eval_petr2_verbs" 2> "$tmp/eval_petr2_verbs_err"
  check "eval with the CAMEO verb dictionary runs" test $? -eq 0
  check "eval says what the verb import mapped and skipped" contains "$tmp/eval_petr2_verbs_err" "pattern lines mapped"
else
  echo "skip: $shared/external not present; PETR2 eval without --system not checked"
fi

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
