-- wrk script: each request is a reader's write (a rating or a vote) by a new, distinct voter.
-- Arguments: voter-token file, target file (lines "path<TAB>JSON body"), number of threads,
-- HTTP method, the status that acknowledges the write.
-- Prints how many writes were acknowledged and how many got any other answer.

dofile("threads.lua")

function init(args)
  tokens, targets = {}, {}
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do
    local path, body = line:match("^([^\t]+)\t(.*)$")
    targets[#targets + 1] = { path = path, body = body }
  end
  step, method, acknowledging = tonumber(args[3]), args[4], tonumber(args[5])
  position = id + 1
  ok, refused = 0, 0
end

function request()
  local token = tokens[position]
  if token == nil then
    error("out of voter tokens: generate more")
  end
  local target = targets[(position % #targets) + 1]
  position = position + step
  return wrk.format(method, target.path,
    { ["Content-Type"] = "application/json", ["Voter-Token"] = token }, target.body)
end

function response(status, headers, body)
  if status == acknowledging then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("acknowledged %d\nrefused %d\n", sum("ok"), sum("refused")))
end
