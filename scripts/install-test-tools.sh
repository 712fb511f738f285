#!/usr/bin/env bash
# Installs the Debian tools the tests read documents and mail with, when missing (as root; a no-op otherwise fast):
# poppler-utils (pdftotext, pdftoppm: PDF text and page images), spamassassin (scores invoice mail offline),
# libxml-security-java (Apache Santuario: verifies and decrypts the AS4 messages facteur writes) and a JDK to run it.
set -euo pipefail
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v spamassassin >/dev/null 2>&1 || missing+=(spamassassin)
[ -f /usr/share/java/xmlsec.jar ] || missing+=(libxml-security-java)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-test-tools: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Test runs started side by side (or a lab install) may hold the dpkg lock: wait for it instead of failing.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
