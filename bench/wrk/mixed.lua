-- Mixed reads and writes as people use the portal: perimeter list, a perimeter blade, the ARM-shaped API, and tag edits
-- on the Tags blade (htmx post with the antiforgery token and the ETag, as the browser sends them).
-- Each wrk thread owns one perimeter (nsp-bench-<n>) and keeps at most one write in flight, carrying the ETag from the
-- last answer, so writes never conflict: every non-2xx answer is a real error.
-- Environment: NSP_COOKIE (session + antiforgery cookies), NSP_TOKEN (antiforgery request token), NSP_BEARER (PAT),
-- NSP_SUB (subscription of the bench perimeters), NSP_RG (their resource group), NSP_THREAD_BASE (first perimeter number),
-- NSP_PROD (demo production subscription, for reads).
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter + tonumber(os.getenv("NSP_THREAD_BASE") or "0"))
  table.insert(threads, thread)
  counter = counter + 1
end

local cookie, token, bearer, sub, rg, prod
local tags, apply, reads
local etag = nil
local writing = false
local n = 0
writes = 0
conflicts = 0

function init(args)
  cookie = os.getenv("NSP_COOKIE"); token = os.getenv("NSP_TOKEN"); bearer = os.getenv("NSP_BEARER")
  sub = os.getenv("NSP_SUB"); rg = os.getenv("NSP_RG"); prod = os.getenv("NSP_PROD")
  tags = string.format("/resource/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/networkSecurityPerimeters/nsp-bench-%d/tags", sub, rg, id)
  apply = tags .. "/apply"
  reads = {
    { path = "/browse/Microsoft.Network/networkSecurityPerimeters", auth = "cookie" },
    { path = string.format("/resource/subscriptions/%s/resourceGroups/rg-prod-network/providers/Microsoft.Network/networkSecurityPerimeters/nsp-contoso-prod/overview", prod), auth = "cookie" },
    { path = string.format("/subscriptions/%s/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01", prod), auth = "bearer" },
  }
end

function request()
  -- wrk calls request() once on the first thread before init() to verify the script: change no state for that call.
  if tags == nil then return wrk.format("GET", "/healthz/live") end
  n = n + 1
  if etag == nil and not writing then
    writing = true
    return wrk.format("GET", tags, { ["Cookie"] = cookie })
  end
  if etag ~= nil and not writing and n % 5 == 0 then
    writing = true
    writes = writes + 1
    local body = string.format("etag=%s&name=load&value=%d&name=thread&value=%d", etag, n, id)
    return wrk.format("POST", apply, {
      ["Cookie"] = cookie, ["RequestVerificationToken"] = token, ["HX-Request"] = "true", ["HX-Target"] = "tags-editor",
      ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
  local r = reads[(n % #reads) + 1]
  if r.auth == "bearer" then
    return wrk.format("GET", r.path, { ["Authorization"] = "Bearer " .. bearer })
  end
  return wrk.format("GET", r.path, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  local found = body and string.match(body, 'name="etag" value="([^"]+)"')
  if found then
    etag = found
    writing = false
  end
  if status == 409 then conflicts = conflicts + 1 end
end

function done(summary, latency, requests)
  local w, c, per = 0, 0, {}
  for _, t in ipairs(threads) do
    w = w + (t:get("writes") or 0)
    c = c + (t:get("conflicts") or 0)
    table.insert(per, string.format("nsp-bench-%d:%d", t:get("id"), t:get("writes") or 0))
  end
  io.write("WRITES " .. table.concat(per, " ") .. "\n")
  io.write(string.format("RESULT requests=%d duration_us=%d errors_status=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d p50_us=%d p99_us=%d max_us=%d writes=%d conflicts=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(99), latency.max, w, c))
end
