-- GET /api/generations pages of one user's history, 20 a page: BENCH_PAGES=first (the newest 20), random (any page
-- of BENCH_ROWS rows by offset) or keyset (any page after the first by its cursor: a random line of the Lua file
-- BENCH_CURSORS, which returns the next_before of every page in order). BENCH_TOKENS names a Lua file returning the
-- user's token first.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local token = dofile(os.getenv("BENCH_TOKENS"))[1]
local mode = os.getenv("BENCH_PAGES") or "first"
local pages = math.floor(tonumber(os.getenv("BENCH_ROWS") or "10000") / 20)
local cursors = mode == "keyset" and dofile(os.getenv("BENCH_CURSORS")) or nil

function request()
  local query
  if mode == "keyset" then
    query = "before=" .. cursors[math.random(1, #cursors)]
  elseif mode == "random" then
    query = "offset=" .. (math.random(0, pages - 1) * 20)
  else
    query = "offset=0"
  end
  return wrk.format("GET", "/api/generations?limit=20&" .. query, {
    ["Authorization"] = "Bearer " .. token})
end
