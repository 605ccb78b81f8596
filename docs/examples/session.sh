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

# Covariates: a shop's daily sales with its price, and the price planned for the 28 days after (rows without a value),
# with US public holidays generated as one more covariate. arima regresses on both; an LSTM reads them at every step.
SHOP=$(curl -X POST "$API/api/series?name=shop&holidays=US" -H 'Content-Type: text/csv' \
  --data-binary @data/shop-sales-daily.csv | jq -r .id)
curl "$API/api/series/$SHOP" | show '{covariates, calendar}'
XARIMA=$(curl -X POST "$API/api/series/$SHOP/training-runs" -H 'Content-Type: application/json' \
  -d '{"method": "arima", "testSize": 28, "seasonalPeriod": 7}' | jq -r .id)
XLSTM=$(curl -X POST "$API/api/series/$SHOP/training-runs" -H 'Content-Type: application/json' \
  -d '{"testSize": 28, "seasonalPeriod": 7, "lookback": 28, "epochs": 15, "seed": 7}' | jq -r .id)
finished "$XARIMA"; finished "$XLSTM"
curl "$API/api/training-runs/$XLSTM" | show '.choices | map(select(startswith("covariates")))'
XMODEL=$(curl "$API/api/training-runs/$XARIMA" | jq -r .modelId)
# The next 28 days at the planned prices (New Year's Day among them), then the next 7 at a price cut to 8.
curl "$API/api/models/$XMODEL/forecast?horizon=28&level=80" | show '.points[:2]'
curl -X POST "$API/api/models/$XMODEL/forecast" -H 'Content-Type: application/json' \
  -d '{"horizon": 7, "covariates": {"price": [8, 8, 8, 8, 8, 8, 8]}}' | show '.points[:2]'

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
