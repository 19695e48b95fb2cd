#!/usr/bin/env bash
# Serve Koonto as production does, on this machine: production settings, static files collected
# and served by whitenoise, migrations applied, gunicorn with gunicorn.conf.py, scheduled
# publishing every minute beside it. Uploaded media are served by Django (KOONTO_SERVE_MEDIA=1)
# because there is no proxy or object storage in a local run.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=koonto.settings.production
export KOONTO_SERVE_MEDIA="${KOONTO_SERVE_MEDIA:-1}"
export GUNICORN_BIND="${GUNICORN_BIND:-${HOST:-127.0.0.1}:${PORT:-8000}}"
# Plain http on this machine: no redirect to https, no HSTS promise to the browser.
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
# Every absolute URL (and, through setup_editorial, the Site record) uses this address.
export KOONTO_PUBLIC_URL="${KOONTO_PUBLIC_URL:-http://${GUNICORN_BIND}}"

# Production settings refuse to start without a secret key. For this local run only, make a
# throwaway one (sessions end when the run ends); a real deployment sets its own and keeps it.
if [ -z "${SECRET_KEY:-}" ]; then
    SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    export SECRET_KEY
    echo "SECRET_KEY is not set: using a throwaway key for this local run only." >&2
fi

"$BIN/python" manage.py collectstatic --noinput -v0
"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py setup_editorial

echo "Serving Koonto (production settings) at http://${GUNICORN_BIND}/" >&2
# Scheduled publishing every minute; it stops with gunicorn.
trap 'kill 0' INT TERM EXIT
( while true; do "$BIN/python" manage.py publish_scheduled >/dev/null || true; sleep 60; done ) &
"$BIN/gunicorn" --config gunicorn.conf.py
