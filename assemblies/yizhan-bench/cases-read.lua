-- wrk script for signin-bench.sh: authenticated GET /api/v1/cases, rotating over nine demo
-- staff accounts (three town clerks, six village agents), so every request signs in as someone.
local auths = {"clerk-T1", "clerk-T2", "clerk-T3", "agent-T1V1", "agent-T1V2", "agent-T2V1", "agent-T2V2", "agent-T3V1", "agent-T3V2"}
local reqs = {}
local n = 0
local function b64(s)
  local chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((s:gsub('.', function(x)
    local r, b = '', x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d?%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({'', '==', '='})[#s % 3 + 1])
end
function init(args)
  for i, u in ipairs(auths) do
    reqs[i] = wrk.format("GET", "/api/v1/cases?size=20", {["Authorization"] = "Basic " .. b64(u .. ":demo")})
  end
end
function request()
  n = n + 1
  return reqs[(n % #reqs) + 1]
end
