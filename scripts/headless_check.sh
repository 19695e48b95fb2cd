#!/usr/bin/env bash
# The reference headless client (examples/headless/, issue 18) against a live demo site, as CI runs
# it (`make headless-check`): a fresh SQLite database and media folder, migrations, the demo content,
# the dev server on a port of its own (as `make run` serves), then the client renders every page in
# Finnish and English from the API alone and prints the API requests per page. It fails if a page
# needs more than two API requests, differs in its main content from the site's own HTML page, or a
# page of the sitemap was not reached from the API. The server is stopped however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
PORT="${HEADLESS_PORT:-8765}"
work="$(mktemp -d)"
export DATABASE_URL="sqlite:///$work/demo.sqlite3"
export MEDIA_ROOT="$work/media"
export KOONTO_PUBLIC_URL="http://127.0.0.1:$PORT"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
    echo "Port $PORT already answers: stop that server or set HEADLESS_PORT." >&2
    exit 2
fi
"$BIN/python" manage.py migrate --noinput -v0
"$BIN/python" manage.py load_demo >/dev/null
"$BIN/python" manage.py runserver "127.0.0.1:$PORT" --noreload >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/fi/" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
    sleep 1
done
"$BIN/python" -m examples.headless --base-url "http://127.0.0.1:$PORT" --out "$work/out" --max-requests 2 --sitemap
