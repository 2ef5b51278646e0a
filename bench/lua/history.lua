-- GET /api/generations pages of one user's history: BENCH_PAGES=first (the newest 20) or random (any page of
-- BENCH_ROWS rows, 20 a page). BENCH_TOKENS names a Lua file returning the user's token first.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local token = dofile(os.getenv("BENCH_TOKENS"))[1]
local random = os.getenv("BENCH_PAGES") == "random"
local pages = math.floor(tonumber(os.getenv("BENCH_ROWS") or "10000") / 20)

function request()
  local offset = random and (math.random(0, pages - 1) * 20) or 0
  return wrk.format("GET", "/api/generations?limit=20&offset=" .. offset, {
    ["Authorization"] = "Bearer " .. token})
end
