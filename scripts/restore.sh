#!/usr/bin/env bash
# Restore a Koonto backup made by scripts/backup.sh into an EMPTY database and media folder:
#   make restore FILE=backups/koonto-20261129T030000Z.tar
# It refuses to write over existing content, so a mistyped DATABASE_URL cannot destroy a live
# site. Create the database first (createdb koonto_restored), point DATABASE_URL at it.
#
# Environment: DATABASE_URL (postgres://...; required), MEDIA_ROOT (default ./media).
set -euo pipefail
cd "$(dirname "$0")/.."

FILE="${1:-${FILE:-}}"
[ -n "$FILE" ] || { echo "usage: scripts/restore.sh backups/koonto-<time>.tar (or make restore FILE=...)" >&2; exit 2; }
[ -f "$FILE" ] || { echo "restore: no such file: $FILE" >&2; exit 2; }
: "${DATABASE_URL:?DATABASE_URL must point at an empty PostgreSQL database}"
MEDIA_ROOT="${MEDIA_ROOT:-$PWD/media}"

# Only into an empty database: no tables in the public schema.
TABLES="$(psql "$DATABASE_URL" -XAtq -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$TABLES" != "0" ]; then
    echo "restore: the database at DATABASE_URL is not empty ($TABLES tables); restore into a new database." >&2
    exit 1
fi
if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
    echo "restore: MEDIA_ROOT ($MEDIA_ROOT) is not empty; restore into an empty folder." >&2
    exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
tar -C "$WORK" -xf "$FILE" database.dump media.tar.gz

# One transaction: a failed restore leaves the database empty, not half-filled.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$WORK/database.dump"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$WORK/media.tar.gz"
echo "Restored $FILE into the database and $MEDIA_ROOT. Next: manage.py migrate (if the code is newer), then start the app."
