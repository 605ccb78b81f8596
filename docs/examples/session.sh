#!/usr/bin/env bash
# The README's curl session. CI runs it as it stands against a freshly started service, so every command shown
# here works: `curl` fails on any answer that is not 2xx, and `show` fails when a field it prints is missing.
# Run it from the repository's root with the service running (`dotnet run --project src/Forecast.Api`); needs jq.
set -euo pipefail
API=${API:-http://localhost:5000}
ADMIN=${ADMIN:-forecast-development-admin-key-not-for-production}   # the Development admin key

# A client key of your own; every /api call below sends it.
KEY=$(command curl -sSf -X POST "$API/api/keys" -H "X-Api-Key: $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name": "me"}' | jq -r .key)
curl() { command curl -sSf -H "X-Api-Key: $KEY" "$@"; }
show() { jq -e "$1"' | if (type == "object" and any(.[]; . == null)) or (type == "array" and length == 0)
                      then error("missing in the answer: \(.)") else . end'; }
finished() { while curl "$API/api/training-runs/$1" | jq -e '.status == "queued" or .status == "running"' >/dev/null; do sleep 1; done; }

# Upload a CSV (a timestamp column and a value column); the frequency is inferred.
SERIES=$(curl -X POST "$API/api/series?name=airpassengers" -H 'Content-Type: text/csv' \
  --data-binary @data/airpassengers.csv | jq -r .id)
curl "$API/api/series/$SERIES" | show '{name, frequency, start, count}'

# Diagnostics (ADF, KPSS, Ljung-Box, ACF and PACF, seasonality), also in plain words.
curl "$API/api/series/$SERIES/diagnostics" | show '.interpretation'

# Train an LSTM in the background (every hyperparameter is optional): 202 and the run.
RUN=$(curl -X POST "$API/api/series/$SERIES/training-runs" -H 'Content-Type: application/json' \
  -d '{"testSize": 12, "seed": 7}' | jq -r .id)

# Watch it: status and progress, and the loss curve as it grows (or follow /events as server-sent events).
curl "$API/api/training-runs/$RUN" | show '{status, progress}'
finished "$RUN"
curl "$API/api/training-runs/$RUN/loss-curve" | show '.[-1]'
MODEL=$(curl "$API/api/training-runs/$RUN" | jq -r .modelId)

# The model against the naive baselines on the 12 months held out, then the next 12 with 80 % and 95 % intervals.
curl "$API/api/models/$MODEL" | show '{metrics, baselines, beatsSeasonalNaive}'
curl "$API/api/models/$MODEL/forecast?horizon=12&level=80&level=95" | show '.points[:2]'

# Another method on the same tail, fitted in moments: Theta, as R's thetaf (GET /api/methods lists them all).
THETA=$(curl -X POST "$API/api/series/$SERIES/training-runs" -H 'Content-Type: application/json' \
  -d '{"method": "theta", "testSize": 12}' | jq -r .id)
finished "$THETA"
curl "$API/api/models/$(curl "$API/api/training-runs/$THETA" | jq -r .modelId)" | show '{method, metrics}'

# Retrain on autopilot: every night at 3 in Paris (and after 30 new observations), a new model takes 'production'
# only if it beats the current one over 3 backtest windows; the policy's history lists each run it started and why.
curl -X PUT "$API/api/series/$SERIES/aliases/production" -H 'Content-Type: application/json' \
  -d "{\"modelId\": \"$MODEL\"}" | show '{name, modelId}'
curl -X PUT "$API/api/series/$SERIES/retraining/nightly" -H 'Content-Type: application/json' \
  -d '{"alias": "production", "cron": "0 3 * * *", "timeZone": "Europe/Paris", "afterObservations": 30,
       "warmStart": true, "promote": {"onlyIfBetter": true, "backtestWindows": 3}}' | show '{name, status, nextRunAt}'

# Many series at once: tourism's 427 quarterly series as one long CSV (series,date,value), and one global
# LSTM over all of them (about a minute on 2 cores), scored beside Theta and seasonal naive.
COLLECTION=$(curl -X POST "$API/api/collections?name=tourism-quarterly" -H 'Content-Type: text/csv' \
  --data-binary @data/tourism-quarterly.csv | jq -r .id)
GRUN=$(curl -X POST "$API/api/collections/$COLLECTION/training-runs" -H 'Content-Type: application/json' \
  -d '{"seed": 1}' | jq -r .id)
finished "$GRUN"
GMODEL=$(curl "$API/api/training-runs/$GRUN" | jq -r .modelId)
curl "$API/api/models/$GMODEL" | show '.accuracy | {model, theta, seasonalNaive}'
curl "$API/api/models/$GMODEL/forecast?series=Q1&horizon=8&level=80" | show '.points[:2]'
