# shellcheck shell=bash
# Source it, then start the emulator:   . .ci/azurite.sh; azurite_start
# Installs the pinned Azurite (.ci/azurite/package-lock.json) into .ci/azurite/node_modules when missing, starts the
# Blob service in memory on a free 127.0.0.1 port, waits until it listens, exports AZURITE_BLOB_PORT,
# AZURITE_BLOB_ENDPOINT and AZURITE_BLOB_CONNECTION_STRING, and stops it on exit (this sets an EXIT trap: a caller
# with its own EXIT trap should call azurite_stop from it).
AZURITE_DIR="${AZURITE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/azurite}"
AZURITE_PID=""

azurite_stop() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

azurite_install() {
  local bin="$AZURITE_DIR/node_modules/.bin/azurite-blob"
  if [ ! -x "$bin" ]; then
    echo "[azurite] npm ci in $AZURITE_DIR"
    # Azurite's engines field asks for Node 22; it runs on Node 20 (EBADENGINE is only a warning).
    (cd "$AZURITE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || { echo "[azurite] npm ci failed" >&2; return 1; }
  fi
}

azurite_start() {
  local bin="$AZURITE_DIR/node_modules/.bin/azurite-blob"
  azurite_install || return 1
  AZURITE_BLOB_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  AZURITE_LOG="${AZURITE_LOG:-$(mktemp -t azurite.XXXXXX.log)}"
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 sends a newer API version than Azurite 3.37.0 knows.
  # --disableTelemetry: without it SIGTERM waits ~95 s for a telemetry flush on a closed network.
  "$bin" --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
         --inMemoryPersistence --loose --skipApiVersionCheck --disableTelemetry --silent \
         >"$AZURITE_LOG" 2>&1 &
  AZURITE_PID=$!
  trap azurite_stop EXIT
  local i
  for i in $(seq 1 300); do            # up to 30 s
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "[azurite] exited early:" >&2; cat "$AZURITE_LOG" >&2; return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$AZURITE_BLOB_PORT") 2>/dev/null; then break; fi
    sleep 0.1
  done
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$AZURITE_BLOB_PORT") 2>/dev/null; then
    echo "[azurite] not listening after 30 s" >&2; cat "$AZURITE_LOG" >&2; return 1
  fi
  export AZURITE_BLOB_PORT
  export AZURITE_BLOB_ENDPOINT="http://127.0.0.1:$AZURITE_BLOB_PORT/devstoreaccount1"
  # The well-known, public Azurite development account key (not a secret).
  export AZURITE_BLOB_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$AZURITE_BLOB_ENDPOINT;"
  echo "[azurite] pid $AZURITE_PID listening on 127.0.0.1:$AZURITE_BLOB_PORT (log: $AZURITE_LOG)"
}
