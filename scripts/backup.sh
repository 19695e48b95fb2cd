#!/usr/bin/env bash
# Back up Koonto: the PostgreSQL database (pg_dump custom format) and the uploaded media
# (tar.gz of MEDIA_ROOT), together in one timestamped archive, BACKUP_DIR/koonto-<UTC time>.tar.
# Restore with scripts/restore.sh (make restore FILE=...). See docs/deploy.md for how often and where.
#
# Environment: DATABASE_URL (postgres://...; required), MEDIA_ROOT (default ./media),
# BACKUP_DIR (default ./backups).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup: DATABASE_URL is not PostgreSQL; back up an SQLite file by copying it." >&2; exit 2 ;;
esac
MEDIA_ROOT="${MEDIA_ROOT:-$PWD/media}"
BACKUP_DIR="${BACKUP_DIR:-$PWD/backups}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
ARCHIVE="$BACKUP_DIR/koonto-$STAMP.tar"

# The archive holds personal data (contacts, staff accounts): readable by its owner only.
umask 077
mkdir -p "$BACKUP_DIR"
WORK="$(mktemp -d "$BACKUP_DIR/.koonto-$STAMP.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Custom format: compressed, and pg_restore can restore it into any empty database.
# --no-owner/--no-privileges: the restoring role need not match the role that made the dump.
pg_dump --format=custom --no-owner --no-privileges --file="$WORK/database.dump" "$DATABASE_URL"

# Media: paths relative to MEDIA_ROOT, so the archive restores into any MEDIA_ROOT.
if [ -d "$MEDIA_ROOT" ]; then
    tar -C "$MEDIA_ROOT" -czf "$WORK/media.tar.gz" .
else
    tar -czf "$WORK/media.tar.gz" -T /dev/null
fi

# Written under a temporary name and renamed: a half-written backup never looks complete.
tar -C "$WORK" -cf "$WORK/archive.tar" database.dump media.tar.gz
mv "$WORK/archive.tar" "$ARCHIVE"
echo "$ARCHIVE"
