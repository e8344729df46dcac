-- wrk script for case-bench.sh: each request creates a case with complete materials (accepted
-- at once), rotating over the demo clerks and village agents so that each center numbers its own.
-- The village agents' cases (MZ-001 is decided by the town) then relay to their town.
local clients = {
  {"clerk-T1", 11, "Y2xlcmstVDE6ZGVtbw=="},
  {"clerk-T2", 12, "Y2xlcmstVDI6ZGVtbw=="},
  {"clerk-T3", 13, "Y2xlcmstVDM6ZGVtbw=="},
  {"agent-T1V1", 111, "YWdlbnQtVDFWMTpkZW1v"},
  {"agent-T1V2", 112, "YWdlbnQtVDFWMjpkZW1v"},
  {"agent-T2V1", 121, "YWdlbnQtVDJWMTpkZW1v"},
  {"agent-T2V2", 122, "YWdlbnQtVDJWMjpkZW1v"},
  {"agent-T3V1", 131, "YWdlbnQtVDNWMTpkZW1v"},
  {"agent-T3V2", 132, "YWdlbnQtVDNWMjpkZW1v"}
}
local reqs = {}
local n = 0
function init(args)
  for i, c in ipairs(clients) do
    local body = '{"itemCode":"MZ-001","centerId":' .. c[2] .. ',"applicant":{"name":"压测","idType":"RESIDENT_ID",'
      .. '"idNumber":"11010519491231002X","phone":"13800000000"},'
      .. '"materials":["id-card","household-register","income-proof","property-statement"]}'
    reqs[i] = wrk.format("POST", "/api/v1/cases",
      {["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. c[3]}, body)
  end
end
function request()
  n = n + 1
  return reqs[(n % #reqs) + 1]
end
