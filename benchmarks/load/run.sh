#!/usr/bin/env bash
# Load run: while two training runs train, 50 concurrent clients read forecasts and run status.
# Usage: benchmarks/load/run.sh PUBLISH_DIR   (the output of dotnet publish -c Release -r linux-x64)
# Needs wrk and jq (Debian packages). Traffic stays on 127.0.0.1.
set -euo pipefail
publish=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$here/../../data" && pwd)
api=http://127.0.0.1:5077
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

if curl -sf "$api/health/ready" >/dev/null; then echo "port 5077 is taken" >&2; exit 1; fi
key=load-run-admin-key-0123456789abcdef0123456789
(cd "$publish" && exec env ASPNETCORE_URLS=$api Training__WorkerCount=2 Logging__LogLevel__Default=Warning \
  Auth__AdminKey=$key Limits__MaxRunCost=1e13 \
  ConnectionStrings__Forecast="Data Source=$work/load.db" ./Forecast.Api >"$work/service.log" 2>&1) &
pid=$!
until curl -sf "$api/health/ready" >/dev/null; do sleep 0.5; done

curl() { command curl -H "X-Api-Key: $key" "$@"; }
post() { curl -sf -X POST "$api$1" -H "Content-Type: $2" --data-binary "$3"; }
air=$(post "/api/series?name=air" text/csv "@$data/airpassengers.csv" | jq -r .id)
run=$(post "/api/series/$air/training-runs" application/json \
  '{"epochs":30,"hiddenSize":32,"testSize":12,"seed":1,"transform":"none"}' | jq -r .id)
while curl -s "$api/api/training-runs/$run" | jq -e '.status == "queued" or .status == "running"' >/dev/null; do sleep 1; done
model=$(curl -s "$api/api/training-runs/$run" | jq -r .modelId)

daily=$(post "/api/series?name=daily" text/csv "@$data/seattle-precipitation-daily.csv" | jq -r .id)
long='{"epochs":3000,"hiddenSize":64,"lookback":120,"transform":"none","seed":'
first=$(post "/api/series/$daily/training-runs" application/json "${long}1}" | jq -r .id)
post "/api/series/$daily/training-runs" application/json "${long}2}" >/dev/null
until curl -s "$api/api/training-runs/$first" | jq -e '.progress.epoch >= 1' >/dev/null; do sleep 0.5; done

wrk -H "X-Api-Key: $key" -t2 -c50 -d30s --timeout 10s --latency -s "$here/reads.lua" "$api" -- "$model" "$first"
echo "training while loaded:"
curl -s "$api/api/series/$daily" >/dev/null
curl -s "$api/api/training-runs/$first" | jq -c '{status, epoch: .progress.epoch}'
