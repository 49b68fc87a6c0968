-- wrk script of bench/run: every connection requests the next URL path of a list (one path per line, the file
-- named after `--`), so all files are served in turn, the same mix for every server. Each thread starts at its
-- own place in the list. At the end it prints key=value lines that bench/run reads (times in microseconds).
--   wrk -t2 -c32 -d20s -s bench/wrk/cycle.lua http://127.0.0.1:8080 -- paths.txt

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  local file = assert(io.open(args[1], "r"), "cannot read the path list " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "the path list " .. args[1] .. " is empty")
  position = ((thread_number or 0) * 7919) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d\nbytes=%d\nduration_us=%d\n", summary.requests, summary.bytes, summary.duration))
  io.write(string.format("errors_connect=%d\nerrors_read=%d\nerrors_write=%d\nerrors_timeout=%d\nerrors_status=%d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("latency_p50_us=%d\nlatency_p99_us=%d\nlatency_mean_us=%.0f\nlatency_max_us=%d\n",
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max))
end
