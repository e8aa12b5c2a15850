#!/usr/bin/env bash
# Benchmark of the standalone psip gateway with SIPp at fixed rates. By default SIPp's
# built-in caller (-sn uac) against the answer-every-call route (the sip component
# alone); with --flow, digest-authenticated calls through the whole call flow, with
# answer_url on a local HTTP server. Prints one table row per rate. See bench/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/run.sh [options]

  --rates "R1 R2 ..."   offered call rates, calls per second (default "1000 2000 2500 3000 3500")
  --seconds N           how long each rate is offered (default 20)
  --port N              the gateway's SIP port on 127.0.0.1 (default 25060; must be free)
  --warmup-rate N       warm-up rate, not reported (default 1000)
  --warmup-seconds N    warm-up duration, 0 skips it (default 10)
  --pause N             seconds between steps, so the previous step's calls settle (default 5)
  --call-log            keep the gateway's per-call log (logger psip.calls) at INFO
  --flow                complete calls through the call flow: 401 challenge, authenticated INVITE,
                        ACL, answer_url on a local HTTP server whose NCCO connects the call to a
                        SIPp callee, the callee's answer relayed, ACK, BYE; response time 1 runs
                        from the authenticated INVITE to the 200 (the call's setup time)
  --answer-port N       the local answer_url server's port with --flow (default 28080; must be free)
  --callee-port N       the SIPp callee's port with --flow (default 25070; must be free)
  --events              with --flow, the application's event_url is the local HTTP server too:
                        every call sends its seven call events
  --event-url URL       with --flow, this event_url instead (a closed port shows an event_url down)
  --auth-webhook MS     with --flow, the digest responses are checked by an authentication service
                        (psip.auth=webhook) on the local HTTP server, which says ok MS ms after each request
  --no-build            use app/target/psip-app.jar as it is
  -h, --help            this text

Environment:
  PSIP_JAVA_OPTS        the gateway's JVM options (default "-Xms8g -Xmx8g -XX:+UseZGC -XX:+AlwaysPreTouch");
                        -D options here override the gateway's settings
  PSIP_MVN_ARGS         Maven options for the build (default "-q -B"; e.g. "-o -q -B" offline)
EOF
}

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench_dir")
jar="$root/app/target/psip-app.jar"
stats_py="$bench_dir/sippstats.py"

rates="1000 2000 2500 3000 3500"
seconds=20
port=25060
warmup_rate=1000
warmup_seconds=10
pause=5
call_log=WARN
build=1
flow=0
answer_port=28080
callee_port=25070
event_url=""
auth_delay=""

while (($#)); do
    case "$1" in
        --rates) rates=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --warmup-rate) warmup_rate=$2; shift 2 ;;
        --warmup-seconds) warmup_seconds=$2; shift 2 ;;
        --pause) pause=$2; shift 2 ;;
        --call-log) call_log=INFO; shift ;;
        --flow) flow=1; shift ;;
        --answer-port) answer_port=$2; shift 2 ;;
        --callee-port) callee_port=$2; shift 2 ;;
        --events) event_url=events; shift ;;
        --event-url) event_url=$2; shift 2 ;;
        --auth-webhook) auth_delay=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

die() {
    echo "bench: $*" >&2
    exit 1
}

is_count() {
    [[ $1 =~ ^[0-9]+$ ]]
}

for n in $rates "$seconds" "$port" "$warmup_rate" "$warmup_seconds" "$pause" "$answer_port" "$callee_port" \
    ${auth_delay:+"$auth_delay"}; do
    is_count "$n" || die "not a whole number: $n"
done
[[ -n ${rates// /} ]] || die "--rates is empty"
[[ -z $auth_delay ]] || ((flow)) || die "--auth-webhook needs --flow"
((seconds > 0)) || die "--seconds must be positive"
for tool in java sipp python3 ss; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

# ---------------------------------------------------------------- build

if ((build)); then
    stale=""
    if [[ -f $jar ]]; then
        # main sources and poms newer than the jar; test sources do not go into it
        stale=$(find "$root/app/src" "$root/sip/src" "$root/pom.xml" "$root/app/pom.xml" "$root/sip/pom.xml" \
            -path '*/src/test' -prune -o -newer "$jar" -print -quit)
    fi
    if [[ ! -f $jar || -n $stale ]]; then
        read -ra mvn_args <<<"${PSIP_MVN_ARGS:--q -B}"
        echo "bench: building $jar"
        (cd "$root" && mvn "${mvn_args[@]}" package -DskipTests)
    fi
fi
[[ -f $jar ]] || die "$jar is missing (build it, or drop --no-build)"

# ---------------------------------------------------------------- results

if [[ -n $(ss -Hlnu "sport = :$port") || -n $(ss -Hlnt "sport = :$port") ]]; then
    die "port $port is in use on this machine; pick another with --port"
fi

run_dir="$bench_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
# SIPp writes its response-time dump to the working directory
cd "$run_dir"
gw_log="$run_dir/gateway.log"
gc_log="$run_dir/gc.log"
summary="$run_dir/summary.txt"

# ---------------------------------------------------------------- gateway

# ZGC with a large fixed heap. Each call leaves ~14 KB in the gateway for ~32 s
# (JAIN-SIP keeps completed transactions for 64 x T1), so the live heap is about
# rate x 32 s x 14 KB: 1.6 GB at 3,500 calls/s. A generational copying collector
# copies such objects over and over: on 2 cores shared with SIPp, G1 paused
# 100-470 ms and SIPp retransmitted, or calls failed. ZGC pauses for well under
# a millisecond, but it needs room to go on allocating (~200 KB per call) while it
# collects concurrently: with 4 GB it stalled threads at 3,500 calls/s, with 8 GB
# it did not (see bench/README.md). The heap is fixed so that runs compare, and
# pre-touched so that page faults happen at start-up, not during the steps.
read -ra java_opts <<<"${PSIP_JAVA_OPTS:--Xms8g -Xmx8g -XX:+UseZGC -XX:+AlwaysPreTouch}"

gw_pid=""
sipp_pid=""
times_file=$(mktemp)
stop_gateway() {
    local rc=$?
    rm -f "$times_file"
    if [[ -n $sipp_pid ]]; then
        kill -TERM "$sipp_pid" 2>/dev/null || true
        wait "$sipp_pid" 2>/dev/null || true
    fi
    if [[ -n $gw_pid ]] && kill -0 "$gw_pid" 2>/dev/null; then
        kill -TERM "$gw_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$gw_pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$gw_pid" 2>/dev/null; then
            echo "bench: the gateway did not stop within 10 s; killing it" >&2
            kill -KILL "$gw_pid" 2>/dev/null || true
        fi
        wait "$gw_pid" 2>/dev/null || true
        # what became of the call events (logged by the gateway as it stops)
        if [[ -n $event_url ]]; then
            grep -ho "call events stopped: .*" "$gw_log" | tee -a "$summary" || true
        fi
    fi
    if [[ -n $answer_pid ]]; then
        kill -TERM "$answer_pid" 2>/dev/null || true
        wait "$answer_pid" 2>/dev/null || true
    fi
    if [[ -n $callee_pid ]]; then
        kill -TERM "$callee_pid" 2>/dev/null || true
        wait "$callee_pid" 2>/dev/null || true
    fi
    echo "bench: raw SIPp files, gateway and GC logs in $run_dir"
    exit "$rc"
}
answer_pid=""
callee_pid=""

# The --flow callee: SIPp's built-in answering scenario, for every call the run places.
start_callee() {
    (cd "$run_dir" && exec sipp -sn uas -p "$callee_port" -i 127.0.0.1 -nostdin -fd 5 \
        -trace_stat -stf callee.csv -trace_err -error_file callee-errors.log >callee.out 2>&1) &
    callee_pid=$!
    local deadline=$((SECONDS + 10))
    until [[ -n $(ss -Hlnu "sport = :$callee_port") ]]; do
        kill -0 "$callee_pid" 2>/dev/null || die "the SIPp callee did not start (see $run_dir/callee.out)"
        ((SECONDS < deadline)) || die "the SIPp callee did not bind port $callee_port within 10 s"
        sleep 0.1
    done
}

# The --flow application: a JDK HTTP server answering every answer_url request with
# one fixed NCCO (bench/AnswerServer.java, run from source).
start_answer_server() {
    java "$bench_dir/AnswerServer.java" "$answer_port" "$callee_port" "${auth_delay:-0}" \
        >"$run_dir/answer-server.log" 2>&1 &
    answer_pid=$!
    local deadline=$((SECONDS + 30))
    until grep -q "listening" "$run_dir/answer-server.log"; do
        kill -0 "$answer_pid" 2>/dev/null || die "the answer server did not start (log: $run_dir/answer-server.log)"
        ((SECONDS < deadline)) || die "the answer server did not listen within 30 s"
        sleep 0.2
    done
}

# The --flow directory: domain bench (digest user bench, callers from 127.0.0.1) and a
# virtual number, both into an application whose answer_url is the local server.
write_flow_directory() {
    if [[ $event_url == events ]]; then
        event_url="http://127.0.0.1:$answer_port/events"
    fi
    cat >"$1" <<YAML
gateway:
  base_host: example.com
  home_region: us
  nonce_secret: bench-secret-not-for-production
  regions:
    us: { label: sip-us }
applications:
  bench:
    answer_url: http://127.0.0.1:$answer_port/answer
    answer_method: GET
    connect_timeout: 1000
    read_timeout: 2000
${event_url:+    event_url: $event_url}
domains:
  bench:
    application: bench
    acl: [ 127.0.0.1/32 ]
    digest: true
    users:
      bench: { password: bench-secret }
YAML
}

trap stop_gateway EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

{
    echo "command: $0 --rates \"$rates\" --seconds $seconds --port $port --warmup-rate $warmup_rate" \
        "--warmup-seconds $warmup_seconds --pause $pause (call log $call_log${event_url:+, event_url $event_url}" \
        "${auth_delay:+, webhook authentication answering after $auth_delay ms})"
    echo "date: $(date -Is)"
    echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "host: $(uname -srm), $(nproc) cores"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java options: ${java_opts[*]}"
    java -version 2>&1 | head -1 || true
    sipp -v 2>&1 | grep -m1 SIPp || true
} | tee "$run_dir/env.txt"
# SIPp and the gateway share the machine's cores: anything else running skews the figures
if awk '{ exit !($1 >= 0.5) }' /proc/loadavg; then
    echo "bench: warning: the 1-minute load average is $(cut -d' ' -f1 /proc/loadavg); other work will disturb the figures" >&2
fi

# what the gateway runs, and how SIPp calls it
if ((flow)); then
    start_callee
    start_answer_server
    write_flow_directory "$run_dir/directory.yaml"
    # a spool of the run's own: events left undelivered by another run are not this one's
    gw_args=("-Dpsip.directory=$run_dir/directory.yaml" "-Dpsip.events.spool-directory=$run_dir/events-spool")
    if [[ -n $auth_delay ]]; then
        gw_args+=("-Dpsip.auth=webhook" "-Dpsip.auth.webhook.url=http://127.0.0.1:$answer_port/sip-auth")
    fi
    sipp_scenario=(-sf "$bench_dir/call-flow-uac.xml" -au bench -ap bench-secret -s 14155550100
        -key domain bench.sip.example.com)
    scenario_name=call-flow-uac
else
    gw_args=("-Dcamel.main.routes-include-pattern=classpath:routes/answer-every-call.yaml")
    sipp_scenario=(-sn uac)
    scenario_name=uac
fi

PSIP_CALL_LOG_LEVEL=$call_log java "${java_opts[@]}" "-Xlog:gc,gc+phases:file=$gc_log:uptime" \
    "-Dpsip.sip.port=$port" "${gw_args[@]}" -jar "$jar" >"$gw_log" 2>&1 &
gw_pid=$!

# JAIN-SIP binds its sockets before this line is logged; a UDP port cannot be
# probed without speaking SIP, so the log is the readiness signal.
deadline=$((SECONDS + 60))
until grep -q "SIP listening on 127.0.0.1:$port" "$gw_log"; do
    if ! kill -0 "$gw_pid" 2>/dev/null; then
        tail -n 20 "$gw_log" >&2
        gw_pid=""
        die "the gateway exited during start-up (log: $gw_log)"
    fi
    ((SECONDS < deadline)) || die "the gateway did not listen within 60 s (log: $gw_log)"
    sleep 0.2
done
echo "bench: gateway pid $gw_pid listening on 127.0.0.1:$port"

# ---------------------------------------------------------------- measurements

# utime + stime of the gateway, in clock ticks (fields 14 and 15 of
# /proc/PID/stat; the fields are counted after the command name's closing ')').
gw_ticks() {
    local stat
    stat=$(<"/proc/$gw_pid/stat")
    stat=${stat##*) }
    read -ra f <<<"$stat"
    echo $((f[11] + f[12]))
}

# Datagrams the kernel dropped because the gateway's UDP socket buffer was full.
gw_udp_drops() {
    local hex
    hex=$(printf '%04X' "$port")
    awk -v a="0100007F:$hex" '$2 == a { d += $NF } END { print d + 0 }' /proc/net/udp
}

# Heap in use (MB) right now, not after a collection; empty if jcmd is missing.
gw_heap_mb() {
    command -v jcmd >/dev/null || return 0
    timeout 10 jcmd "$gw_pid" GC.heap_info 2>/dev/null |
        awk '(/total/ || /ZHeap/) && !/Metaspace|class space/ {
                 for (i = 1; i < NF; i++) if ($i == "used") {
                     v = $(i + 1); sub(/,$/, "", v)
                     unit = substr(v, length(v)); v = substr(v, 1, length(v) - 1)
                     u += unit == "K" ? v / 1024 : unit == "G" ? v * 1024 : v; n++
                 }
             }
             END { if (n) printf "%d\n", u }' || true
}

gc_lines() {
    if [[ -f $gc_log ]]; then wc -l <"$gc_log"; else echo 0; fi
}

# run_sipp NAME RATE SECONDS: one SIPp run; sets sipp_rc and sipp_cpu (user +
# system seconds). Files: NAME.csv (statistics, one line a second, the last at
# exit), NAME-rtt.csv (response time of every call), NAME.out (screens),
# NAME-errors.log (unexpected messages, if any).
run_sipp() {
    local name=$1 rate=$2 secs=$3
    local calls=$((rate * secs))
    # SIPp writes response times in batches of -rtt_freq and drops the last,
    # partial batch at exit: pick a batch size that divides the call count.
    local freq
    for freq in 1000 100 10 1; do
        ((calls % freq == 0)) && break
    done
    sipp_rc=0
    local cpu0
    children_cpu
    cpu0=$cpu_now
    # In the background and waited for, so that Ctrl-C reaches this script's trap
    # at once (a foreground SIPp would catch it, end its run gracefully and the
    # script would go on with the next rate).
    sipp "${sipp_scenario[@]}" 127.0.0.1:"$port" -i 127.0.0.1 \
        -r "$rate" -m "$calls" -nostdin \
        -timeout "$((secs * 2 + 30))s" -timeout_error \
        -trace_stat -stf "$name.csv" -fd 1 \
        -trace_rtt -rtt_freq "$freq" \
        -trace_err -error_file "$name-errors.log" \
        >"$name.out" 2>&1 &
    sipp_pid=$!
    wait "$sipp_pid" || sipp_rc=$?
    sipp_pid=""
    children_cpu
    sipp_cpu=$(awk -v a="$cpu0" -v b="$cpu_now" 'BEGIN { print b - a }')
    local rtt
    for rtt in "$run_dir/${scenario_name}"_*_rtt.csv; do
        if [[ -e $rtt ]]; then mv "$rtt" "$run_dir/$name-rtt.csv"; fi
    done
}

# Sets cpu_now to the user + system CPU seconds of this script's finished
# children (SIPp, jcmd...). Not called as $(...): `times` in a subshell would see
# the subshell's children only.
children_cpu() {
    times >"$times_file"
    cpu_now=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } }
                   END { print s + 0 }' "$times_file")
}

if ((warmup_seconds > 0)); then
    echo "bench: warming up, ${warmup_seconds} s at ${warmup_rate} calls/s (not reported)"
    run_sipp warmup "$warmup_rate" "$warmup_seconds"
    if ((sipp_rc != 0)); then
        echo "bench: warning: the warm-up ended with SIPp exit code $sipp_rc (see $run_dir/warmup.out)" >&2
    fi
    sleep "$pause"
fi

python3 "$stats_py" header | tee "$summary"
first=1
for rate in $rates; do
    ((first)) || sleep "$pause"
    first=0
    kill -0 "$gw_pid" 2>/dev/null || { gw_pid=""; die "the gateway is gone (log: $gw_log)"; }
    ticks0=$(gw_ticks)
    drops0=$(gw_udp_drops)
    gc0=$(gc_lines)
    run_sipp "rate-$rate" "$rate" "$seconds"
    ticks1=$(gw_ticks)
    drops1=$(gw_udp_drops)
    heap=$(gw_heap_mb)
    if [[ ! -s $run_dir/rate-$rate.csv ]]; then
        echo "bench: SIPp left no statistics at $rate calls/s (exit code $sipp_rc, see $run_dir/rate-$rate.out)" >&2
        continue
    fi
    python3 "$stats_py" row --rate "$rate" --stats "$run_dir/rate-$rate.csv" \
        --rtt "$run_dir/rate-$rate-rtt.csv" --cpu-ticks $((ticks1 - ticks0)) \
        --sipp-cpu "$sipp_cpu" --heap-mb "$heap" --gc-log "$gc_log" --gc-skip "$gc0" \
        --drops $((drops1 - drops0)) --rc "$sipp_rc" | tee -a "$summary"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run_dir/env.txt"
