#!/usr/bin/env bash
# Installs what the facteur mail lab needs (Postfix, Dovecot IMAP + LMTP, swaks) with apt-get.
# Idempotent: exits at once when everything is already installed. Needs root; no systemd is assumed.
set -euo pipefail

PACKAGES=(postfix dovecot-core dovecot-imapd dovecot-lmtpd swaks)
# LAB_MAIL_USER owns every lab mailbox: Postfix virtual(8) and Dovecot both write the Maildirs as this user.
# shellcheck source=lab.env
source "$(dirname "${BASH_SOURCE[0]}")/lab.env"

die() { echo "install.sh: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (it installs packages with apt-get); try: sudo bash $0"

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
  echo "install.sh: installing ${missing[*]}"
  # Preseed so that postfix's postinst asks nothing; the lab rewrites main.cf anyway.
  debconf-set-selections <<'SEL'
postfix postfix/main_mailer_type select Local only
postfix postfix/mailname string relay.facteur.test
SEL
  # Without systemd, invoke-rc.d would try to start the daemons with their stock config; a policy
  # layer answering 101 keeps them stopped (mail-lab.sh starts them with the lab config).
  created_policy=no
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=yes
  fi
  trap '[[ $created_policy == yes ]] && rm -f /usr/sbin/policy-rc.d' EXIT
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! getent passwd "$LAB_MAIL_USER" >/dev/null; then
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$LAB_MAIL_USER"
fi
