-- wrk script: GETs over a list of paths (one per line), each thread taking every n-th in turn.
-- Arguments: path file, number of threads. Prints how many answers were not 200.

dofile("threads.lua")

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  step = tonumber(args[2])
  position = id
  failed = 0
end

function request()
  position = position + step
  return wrk.format("GET", paths[(position % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("failed %d\n", sum("failed")))
end
