-- wrk script: each request rates a published article as a new, distinct voter.
-- Arguments: voter-token file, slug file, number of threads.
-- Prints how many ratings were acknowledged (200) and refused (anything else).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  tokens, slugs = {}, {}
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do slugs[#slugs + 1] = line end
  step = tonumber(args[3])
  position = id + 1
  ok, refused = 0, 0
end

function request()
  local token = tokens[position]
  if token == nil then
    error("out of voter tokens: generate more")
  end
  local slug = slugs[(position % #slugs) + 1]
  local body = '{"score":' .. ((position % 5) + 1) .. '}'
  position = position + step
  return wrk.format("PUT", "/api/v1/articles/" .. slug .. "/rating",
    { ["Content-Type"] = "application/json", ["Voter-Token"] = token }, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local acknowledged, others = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("ok")
    others = others + thread:get("refused")
  end
  io.write(string.format("acknowledged %d\nrefused %d\n", acknowledged, others))
end
