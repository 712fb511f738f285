#!/usr/bin/env bash
# The facteur mail lab: a real Postfix relay and a Dovecot server on loopback for integration tests.
#
#   mail-lab.sh up | down | ensure | status [--quiet] | fault MODE | tune NAME=VALUE... | flush | clear | logs
#
# Postfix (127.0.0.1:25) is the relay facteur submits to. It relays the customer test domains to Dovecot
# LMTP, which plays the customers' mail server (unknown users and full mailboxes are refused there, after
# the relay accepted the mail, so Postfix sends real DSNs). The bounce domain is a catch-all Maildir that
# Dovecot serves over IMAP, like every customer mailbox. Needs root; Postfix is the machine's only
# instance (its /etc/postfix is rewritten), so one lab runs per machine. See scripts/lab/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lab.env
source "$HERE/lab.env"

STATE=$LAB_STATE_DIR
MAILBASE=$STATE/mail
CONF=/etc/postfix/facteur-lab
DOVECOT_CONF=$STATE/dovecot/dovecot.conf
# Outside the state dir, which `down` removes; serialises concurrent callers (parallel test files).
LOCK_FILE=/tmp/facteur-mail-lab.lock
FAULT_MODES="none 4xx 5xx 4xx-data 5xx-data down"
TUNABLE="queue_run_delay minimal_backoff_time maximal_backoff_time maximal_queue_lifetime bounce_queue_lifetime delay_warning_time"

# Queue timings for tests; each can be overridden from the environment at `up`.
: "${LAB_QUEUE_RUN_DELAY:=1s}" "${LAB_MINIMAL_BACKOFF_TIME:=1s}" "${LAB_MAXIMAL_BACKOFF_TIME:=4s}"
: "${LAB_MAXIMAL_QUEUE_LIFETIME:=30s}" "${LAB_BOUNCE_QUEUE_LIFETIME:=30s}" "${LAB_DELAY_WARNING_TIME:=4s}"

die() { echo "mail-lab.sh: $*" >&2; exit 1; }
log() { echo "mail-lab.sh: $*"; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (it configures and starts the system Postfix on port 25); try: sudo bash $0 $*"
}

take_lock() {
  exec 9>"$LOCK_FILE"
  flock -w 180 9 || die "another mail-lab.sh is still running (lock $LOCK_FILE)"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port_open() {
  local i
  for ((i = 0; i < 100; i++)); do
    port_open "$1" && return 0
    sleep 0.1
  done
  die "nothing listens on port $1 after 10 s (see: mail-lab.sh logs)"
}

postfix_running() { postfix status >/dev/null 2>&1; }

dovecot_running() {
  local pid
  pid=$(cat "$STATE/dovecot/run/master.pid" 2>/dev/null) || return 1
  kill -0 "$pid" 2>/dev/null
}

fingerprint() { cat "$HERE/lab.env" "$HERE"/*.in "$HERE/mail-lab.sh" | sha256sum | cut -d' ' -f1; }

# Fills @NAME@ placeholders of a template.
render() {
  local uid gid
  uid=$(id -u "$LAB_MAIL_USER") gid=$(id -g "$LAB_MAIL_USER")
  sed -e "s|@STATE@|$STATE|g" -e "s|@MAILBASE@|$MAILBASE|g" -e "s|@CONF@|$CONF|g" \
    -e "s|@UID@|$uid|g" -e "s|@GID@|$gid|g" \
    -e "s|@IMAP_PORT@|$LAB_IMAP_PORT|g" -e "s|@LMTP_PORT@|$LAB_LMTP_PORT|g" \
    -e "s|@CUSTOMER_DOMAINS@|$LAB_CUSTOMER_DOMAINS|g" -e "s|@UNREACHABLE_DOMAIN@|$LAB_UNREACHABLE_DOMAIN|g" \
    -e "s|@BOUNCE_DOMAIN@|$LAB_BOUNCE_DOMAIN|g" \
    -e "s|@QUEUE_RUN_DELAY@|$LAB_QUEUE_RUN_DELAY|g" -e "s|@MINIMAL_BACKOFF_TIME@|$LAB_MINIMAL_BACKOFF_TIME|g" \
    -e "s|@MAXIMAL_BACKOFF_TIME@|$LAB_MAXIMAL_BACKOFF_TIME|g" \
    -e "s|@MAXIMAL_QUEUE_LIFETIME@|$LAB_MAXIMAL_QUEUE_LIFETIME|g" \
    -e "s|@BOUNCE_QUEUE_LIFETIME@|$LAB_BOUNCE_QUEUE_LIFETIME|g" \
    -e "s|@DELAY_WARNING_TIME@|$LAB_DELAY_WARNING_TIME|g" "$1"
}

configure_postfix() {
  mkdir -p "$CONF"
  if [[ -f /etc/postfix/main.cf && ! -f /etc/postfix/main.cf.before-facteur-lab ]] &&
    ! grep -q 'facteur mail lab' /etc/postfix/main.cf; then
    cp /etc/postfix/main.cf /etc/postfix/main.cf.before-facteur-lab
  fi
  render "$HERE/postfix-main.cf.in" >/etc/postfix/main.cf
  # Debian's chroot jail is prepared by its init script, which does not run without an init system.
  postconf -F '*/*/chroot = n'

  local domain
  {
    for domain in $LAB_CUSTOMER_DOMAINS; do echo "$domain lmtp:inet:127.0.0.1:$LAB_LMTP_PORT"; done
    echo "$LAB_NONEXISTENT_DOMAIN smtp:"
    echo ".invalid smtp:"
    # Nothing listens there: the "customer's server is down" case, deferred and then expired.
    echo "$LAB_UNREACHABLE_DOMAIN smtp:[127.0.0.1]:$LAB_UNREACHABLE_PORT"
    echo "$LAB_SINK_DOMAIN discard:facteur mail lab sink"
  } >"$CONF/transport"
  echo "@$LAB_BOUNCE_DOMAIN $LAB_BOUNCE_DOMAIN/$LAB_BOUNCE_USER/Maildir/" >"$CONF/virtual-mailboxes"
  postmap "$CONF/transport" "$CONF/virtual-mailboxes"
  # shellcheck disable=SC2016 # the $names are Postfix template variables, kept literal
  postconf -t | sed -e 's/\$delay_warning_time_hours hour(s)/$delay_warning_time_seconds second(s)/' \
    -e 's/\$maximal_queue_lifetime_days day(s)/$maximal_queue_lifetime_seconds second(s)/' >"$CONF/bounce-templates.cf"
  write_fault_maps none
}

configure_dovecot() {
  mkdir -p "$STATE/dovecot/run" "$STATE/dovecot/state"
  local address extra
  {
    for address in $LAB_MAILBOXES "$LAB_BOUNCE_USER@$LAB_BOUNCE_DOMAIN"; do
      extra=
      # One byte of quota: every message overflows it, so Dovecot answers 552 5.2.2 (mailbox full).
      [[ $address == "$LAB_FULL_MAILBOX" ]] && extra="userdb_quota_rule=*:storage=1B"
      echo "$address:{PLAIN}$LAB_PASSWORD::::::$extra"
    done
  } >"$STATE/dovecot/users"
  chmod 640 "$STATE/dovecot/users"
  chgrp dovecot "$STATE/dovecot/users"
  render "$HERE/dovecot.conf.in" >"$DOVECOT_CONF"
}

write_fault_maps() {
  local rcpt="" data=""
  case $1 in
    4xx) rcpt="451 4.3.0 Temporary failure in the relay (facteur mail lab fault 4xx)" ;;
    5xx) rcpt="554 5.7.1 Relay access denied (facteur mail lab fault 5xx)" ;;
    4xx-data) data="451 4.3.0 Queue file write error (facteur mail lab fault 4xx-data)" ;;
    5xx-data) data="554 5.7.1 Message refused (facteur mail lab fault 5xx-data)" ;;
  esac
  echo "${rcpt:+127.0.0.0/8 $rcpt}" >"$CONF/fault-rcpt.cidr"
  echo "${data:+127.0.0.0/8 $data}" >"$CONF/fault-data.cidr"
  [[ -d $STATE ]] && echo "$1" >"$STATE/fault"
  return 0
}

# Starts a daemon detached from our output and lock: an inherited pipe would keep the caller (a test
# runner reading our stdout) waiting for as long as the daemon runs, an inherited fd 9 would hold the lock.
detached() {
  "$@" </dev/null >>"$STATE/start.log" 2>&1 9>&- || die "'$*' failed: $(tail -n 3 "$STATE/start.log")"
}

start_or_reload_postfix() {
  if postfix_running; then detached postfix reload; else detached postfix start; fi
}

cmd_up() {
  require_root up
  take_lock
  do_up
}

do_up() {
  [[ -x /usr/sbin/postfix && -x /usr/sbin/dovecot ]] || die "Postfix/Dovecot missing: run scripts/lab/install.sh first"
  port_open "$LAB_UNREACHABLE_PORT" && die "port $LAB_UNREACHABLE_PORT must stay closed (it is the unreachable server)"
  if ! postfix_running && port_open "$LAB_SMTP_PORT"; then die "port $LAB_SMTP_PORT is taken by another program"; fi
  if ! dovecot_running && port_open "$LAB_IMAP_PORT"; then
    die "port $LAB_IMAP_PORT is taken by another program (a Dovecot whose state dir was deleted? see ps)"
  fi
  mkdir -p "$MAILBASE"
  chown "$LAB_MAIL_USER:$LAB_MAIL_USER" "$MAILBASE"
  configure_postfix
  configure_dovecot
  echo none >"$STATE/fault"
  start_or_reload_postfix
  if dovecot_running; then detached doveadm -c "$DOVECOT_CONF" reload; else detached dovecot -c "$DOVECOT_CONF"; fi
  wait_port_open "$LAB_SMTP_PORT"
  wait_port_open "$LAB_IMAP_PORT"
  wait_port_open "$LAB_LMTP_PORT"
  fingerprint >"$STATE/fingerprint"
  log "up: smtp 127.0.0.1:$LAB_SMTP_PORT, imap 127.0.0.1:$LAB_IMAP_PORT, state $STATE"
}

cmd_down() {
  require_root down
  take_lock
  if postfix_running; then postfix stop 2>/dev/null; fi
  postsuper -d ALL >/dev/null 2>&1 || true
  if dovecot_running; then
    doveadm -c "$DOVECOT_CONF" stop 2>/dev/null || kill "$(cat "$STATE/dovecot/run/master.pid")"
    local i
    for ((i = 0; i < 50; i++)); do dovecot_running || break; sleep 0.1; done
  fi
  rm -rf "$STATE"
  log "down"
}

# Up with the current config; under `fault down` Postfix is stopped on purpose and the lab still counts as up.
is_up() {
  [[ $(cat "$STATE/fingerprint" 2>/dev/null) == "$(fingerprint)" ]] && dovecot_running && port_open "$LAB_IMAP_PORT" &&
    { [[ $(cat "$STATE/fault" 2>/dev/null) == down ]] || { postfix_running && port_open "$LAB_SMTP_PORT"; }; }
}

# Installs when needed and brings the lab up unless it is already up with the current config. It never
# restarts a lab that is up, nor clears a fault, so several test files may call it at once.
cmd_ensure() {
  require_root ensure
  take_lock
  is_up && return 0
  bash "$HERE/install.sh"
  do_up
}

cmd_status() {
  require_root status
  local quiet=${1:-} state=down
  is_up && state=up
  if [[ $quiet != --quiet ]]; then
    local queue
    queue=$(postqueue -j 2>/dev/null | wc -l) || queue="?"
    echo "mail lab: $state (fault: $(cat "$STATE/fault" 2>/dev/null || echo none))"
    echo "smtp     $LAB_SMTP_HOST:$LAB_SMTP_PORT  postfix $(postfix_running && echo running || echo stopped), queue $queue"
    echo "imap     $LAB_SMTP_HOST:$LAB_IMAP_PORT  dovecot $(dovecot_running && echo running || echo stopped)"
    echo "lmtp     $LAB_SMTP_HOST:$LAB_LMTP_PORT  (the customers' server)"
    echo "domains  customers: $LAB_CUSTOMER_DOMAINS; bounces: $LAB_BOUNCE_DOMAIN;" \
      "nonexistent: $LAB_NONEXISTENT_DOMAIN; unreachable: $LAB_UNREACHABLE_DOMAIN; discard: $LAB_SINK_DOMAIN"
    echo "state    $STATE"
  fi
  [[ $state == up ]]
}

# Sends one message to the discard domain and succeeds when the relay answers as the fault mode says.
probe_matches() {
  local mode=$1 out rc=0
  if [[ $mode == down ]]; then
    if port_open "$LAB_SMTP_PORT"; then return 1; fi
    return 0
  fi
  out=$(swaks --server "127.0.0.1:$LAB_SMTP_PORT" --timeout 5 --from probe@facteur.test \
    --to "probe@$LAB_SINK_DOMAIN" --header "Subject: mail lab probe" 2>&1) || rc=$?
  case $mode in
    none) [[ $rc -eq 0 ]] ;;
    4xx | 4xx-data) grep -q '^<\*\* *451 ' <<<"$out" ;;
    5xx | 5xx-data) grep -q '^<\*\* *554 ' <<<"$out" ;;
  esac
}

cmd_fault() {
  local mode=${1:-}
  [[ " $FAULT_MODES " == *" $mode "* && -n $mode ]] || die "usage: mail-lab.sh fault {${FAULT_MODES// /|}}"
  require_root fault
  take_lock
  [[ -d $STATE ]] || die "the lab is not up (run: mail-lab.sh up)"
  write_fault_maps "$mode"
  if [[ $mode == down ]]; then
    if postfix_running; then postfix stop 2>/dev/null; fi
  else
    start_or_reload_postfix
  fi
  # A reload lets busy smtpd processes finish their session first: wait until a new connection sees it.
  local i
  for ((i = 0; i < 50; i++)); do
    if probe_matches "$mode"; then log "fault $mode"; return 0; fi
    sleep 0.2
  done
  die "the relay does not show fault '$mode' after 10 s (see: mail-lab.sh logs)"
}

cmd_tune() {
  require_root tune
  take_lock
  (($# > 0)) || die "usage: mail-lab.sh tune NAME=VALUE... (NAME in: $TUNABLE)"
  local pair
  for pair in "$@"; do
    [[ " $TUNABLE " == *" ${pair%%=*} "* && $pair == *=* ]] || die "cannot tune '$pair' (allowed: $TUNABLE)"
  done
  postconf -e "$@"
  if postfix_running; then detached postfix reload; fi
  log "tuned $*"
}

cmd_clear() {
  require_root clear
  doveadm -c "$DOVECOT_CONF" expunge -A mailbox '*' all
}

cmd_logs() {
  require_root logs
  tail -n "${1:-60}" "$STATE/postfix.log" "$STATE/dovecot/dovecot.log" 2>/dev/null || true
}

main() {
  local cmd=${1:-}
  shift || true
  case $cmd in
    up) cmd_up ;;
    down) cmd_down ;;
    ensure) cmd_ensure ;;
    status) cmd_status "$@" ;;
    fault) cmd_fault "$@" ;;
    tune) cmd_tune "$@" ;;
    flush) require_root flush && postqueue -f ;;
    clear) cmd_clear ;;
    logs) cmd_logs "$@" ;;
    *) die "usage: mail-lab.sh up|down|ensure|status [--quiet]|fault {${FAULT_MODES// /|}}|tune NAME=VALUE...|flush|clear|logs [N]" ;;
  esac
}

main "$@"
