#!/usr/bin/env bash
# The longer tour of docs/api.md: the README's session (docs/examples/session.sh, run first), then a series that
# grows, warm starts, the registry, cancelling, bad input, a collection's members and backtests, and ets on every
# member. CI runs it as it stands against a freshly started service; run it from the repository's root.
set -euo pipefail
source "$(dirname "$0")/session.sh"
problem() { jq -e 'if .status >= 400 and .title and .detail then {status, title, detail} else error("not a problem detail: \(.)") end'; }

# Events of a run as server-sent events: an 'epoch' event per epoch, then 'finished' with the model's id.
curl -N "$API/api/training-runs/$RUN/events" | grep '^event:' | sort | uniq -c
curl "$API/api/models/$MODEL/evaluation" | show '.points[:2]'
curl "$API/api/models/$MODEL/residual-diagnostics" | show '{ljungBox, interpretation}'

# A second policy that retrains with Theta as soon as 2 observations arrive (the nightly one waits for 30).
curl -X PUT "$API/api/series/$SERIES/retraining/on-new-data" -H 'Content-Type: application/json' \
  -d '{"alias": "production", "afterObservations": 2, "hyperparameters": {"method": "theta", "testSize": 12}}' | show '{name, status}'

# New observations arrive: append them (JSON, or a CSV); the forecast then starts after the newest one, with the
# same model (nothing is retrained), and origin= asks what the model would have said at an earlier period.
curl -X POST "$API/api/series/$SERIES/observations" -H 'Content-Type: application/json' \
  -d '{"values": [417, 391], "timestamps": ["1961-01-01", "1961-02-01"]}' | show '{version, count, end: .end, appended}'
# The append started the on-new-data policy's run: wait for it, then read what it decided against the champion.
until curl "$API/api/series/$SERIES/retraining/on-new-data" | jq -e '.history[0].runStatus | . != null and . != "queued" and . != "running"' >/dev/null; do sleep 1; done
curl "$API/api/series/$SERIES/retraining/on-new-data" | show '.history[0] | {action, reason, runId, promotionOutcome}'
curl -X DELETE "$API/api/series/$SERIES/retraining/on-new-data"
curl "$API/api/models/$MODEL/forecast?horizon=3" | show '{origin, seriesVersion, points}'
curl "$API/api/models/$MODEL/forecast?horizon=3&origin=1961-01-01" | show '.points[0] | {timestamp, value}'
curl "$API/api/models/$MODEL/accuracy" | show '{firstOrigin, meanMase, meanSeasonalNaiveMase, newest: .origins[-1]}'
curl "$API/api/series/$SERIES/anomalies?level=99" | jq '.anomalies'

# Retrain on the grown series from the model's weights (its shape, transform and scaler kept; its own weights are
# epoch 0, which early stopping keeps unless an epoch beats them on validation).
WARM=$(curl -X POST "$API/api/series/$SERIES/training-runs" -H 'Content-Type: application/json' \
  -d "{\"testSize\": 12, \"seed\": 7, \"warmStartFrom\": {\"modelId\": \"$MODEL\"}}" | jq -r .id)
finished "$WARM"
curl "$API/api/training-runs/$WARM" | show '{warmStartFrom, outcome, choices: .choices[-2:]}'

# The registry: a second run that takes the 'production' alias only if it is better, backtested over 3 windows.
curl -X PUT "$API/api/series/$SERIES/aliases/production" -H 'Content-Type: application/json' \
  -d "{\"modelId\": \"$MODEL\"}" | show '{name, modelId}'
RUN2=$(curl -X POST "$API/api/series/$SERIES/training-runs" -H 'Content-Type: application/json' \
  -d '{"epochs": 50, "testSize": 12, "seed": 8, "backtest": {"windows": 3}, "promote": {"alias": "production", "onlyIfBetter": true}}' | jq -r .id)
finished "$RUN2"
curl "$API/api/training-runs/$RUN2" | show '.promotionOutcome'
curl "$API/api/series/$SERIES/aliases/production" | show '.history'
curl "$API/api/series/$SERIES/forecast?alias=production&horizon=3" | show '.points'
curl "$API/api/models?pageSize=5" | show '.items'
curl "$API/api/models?method=theta" | show '[.items[] | {id, method, mase}]'

# Cancel a run; then what bad input gets: RFC 9457 problem details naming the fault (400, so plain curl here).
LONG=$(curl -X POST "$API/api/series/$SERIES/training-runs" -H 'Content-Type: application/json' \
  -d '{"epochs": 5000}' | jq -r .id)
curl -X POST "$API/api/training-runs/$LONG/cancel" | show '{status}'
printf 'date,value\n2024-01-01,1\n2024-01-02,abc\n' |
  command curl -s -X POST "$API/api/series" -H "X-Api-Key: $KEY" -H 'Content-Type: text/csv' --data-binary @- | problem

# The collection of the session: its members (each a series), the global model's worst members, one member's test
# tail and forecast, every member's forecast as CSV.
curl "$API/api/collections/$COLLECTION" | show '{frequency, memberCount, totalPoints, lengths}'
curl "$API/api/collections/$COLLECTION/series?pageSize=3" | show '.items'
curl "$API/api/models/$GMODEL" | show '{members, fallbacks, intervalCoverage}'
curl "$API/api/models/$GMODEL/members?sort=-mase&pageSize=3" | show '.items'
curl "$API/api/models/$GMODEL/members/Q1" | show '{metrics, baselines, points: .points[:2]}'
curl "$API/api/models/$GMODEL/forecasts?horizon=8&level=80&level=95" -H 'Accept: text/csv' | sed -n 1,3p
# Backtested from 3 origins 8 quarters apart, each counted back from every member's own test tail (no training).
curl -X POST "$API/api/models/$GMODEL/backtests" -H 'Content-Type: application/json' -d '{"windows": 3}' |
  show '{meanMase, meanThetaMase, windows: [.windows[] | {periodsBeforeTestTail, mase: .accuracy.model.mase}]}'

# Automatic exponential smoothing (R's ets) on every member, fitted several at once; progress counts members fitted.
ERUN=$(curl -X POST "$API/api/collections/$COLLECTION/training-runs" -H 'Content-Type: application/json' \
  -d '{"method": "ets"}' | jq -r .id)
finished "$ERUN"
EMODEL=$(curl "$API/api/training-runs/$ERUN" | jq -r .modelId)
curl "$API/api/models/$EMODEL" | show '{method, accuracy: (.accuracy | {model, theta, seasonalNaive})}'
curl "$API/api/models?method=ets" | show '[.items[] | {id, collectionId, mase}]'
