-- Shared by the wrk scripts (loaded with dofile): gives each thread its number `id`, and sums a
-- counter that every thread kept, for the report at the end.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function sum(counter)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get(counter) end
  return total
end
