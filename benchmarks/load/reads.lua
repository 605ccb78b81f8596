-- wrk script: half the requests read a forecast, half read a training run's status.
-- Usage: wrk -t2 -c50 -d30s --latency -s reads.lua http://127.0.0.1:5077 -- MODEL_ID RUN_ID
local paths = {}

function init(args)
  paths[1] = "/api/models/" .. args[1] .. "/forecast?horizon=12"
  paths[2] = "/api/training-runs/" .. args[2]
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1])
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
