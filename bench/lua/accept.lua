-- POST /api/generations (address input) from many users, taken in turn; BENCH_TOKENS names a Lua file returning
-- the users' bearer tokens.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local tokens = dofile(os.getenv("BENCH_TOKENS"))
local styles = {"modern_minimalist", "california_native", "japanese_zen", "english_garden",
                "desert_landscape", "mediterranean", "tropical_resort"}
local counter = 0

function setup(thread)
  thread:set("offset", math.random(1, #tokens))
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"input_type":"address","input_address":"%d Benchmark Avenue, Springfield","style":"%s"}',
    counter, styles[counter % #styles + 1])
  return wrk.format("POST", "/api/generations", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter + offset) % #tokens + 1]}, body)
end
