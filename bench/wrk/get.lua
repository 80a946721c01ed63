-- GET one path with the session cookie (pages) or a bearer token (API), from the environment:
--   NSP_COOKIE="nsp-auth=…"  or  NSP_BEARER="nsp_pat_…" ; the path is wrk's URL path.
local cookie = os.getenv("NSP_COOKIE")
local bearer = os.getenv("NSP_BEARER")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if bearer and bearer ~= "" then wrk.headers["Authorization"] = "Bearer " .. bearer end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d errors_status=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end
