package org.yizhan.itests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an installation holds, as lines to compare across an upgrade or a move to another
 * database: every case (number, status, item, centers, creation time, whether its history
 * verifies and its number of events), every staff account (center, roles, active) and the windows
 * of 柳河镇 (T1).
 */
final class Snapshot {

    private Snapshot() {
    }

    /** The lines, from this installation's API (as admin). */
    static List<String> of(Api api) throws Exception {
        List<String> out = new ArrayList<>();
        List<JsonNode> cases = new ArrayList<>();
        JsonNode page = api.get("/cases?size=200", "admin").body();
        if (page.get("total").asInt() > 200) {
            throw new IllegalStateException("a snapshot takes up to 200 cases: " + page.get("total"));
        }
        page.get("items").forEach(cases::add);
        cases.sort(Comparator.comparing(c -> c.get("number").asText()));
        for (JsonNode c : cases) {
            JsonNode v = api.get("/cases/" + c.get("number").asText() + "/history/verify", "admin").body();
            out.add(String.format("case %s %s %s center=%s deciding=%s created=%s history=%s/%s", c.get("number").asText(),
                    c.get("status").asText(), c.get("itemCode").asText(), c.get("centerId").asText(), c.get("decidingCenterId").asText(),
                    c.get("createdAt").asText(), v.get("valid").asText(), v.get("events").asText()));
        }
        List<JsonNode> staff = new ArrayList<>();
        api.get("/admin/staff", "admin").body().forEach(staff::add);
        staff.sort(Comparator.comparing(s -> s.get("username").asText()));
        for (JsonNode s : staff) {
            List<String> roles = new ArrayList<>();
            s.get("roles").forEach(r -> roles.add(r.asText()));
            out.add(String.format("staff %s center=%s roles=%s active=%s", s.get("username").asText(), s.get("centerId").asText(),
                    String.join(",", roles), s.get("active").asText()));
        }
        for (JsonNode w : api.get("/centers/11/windows", "admin").body()) {
            out.add(String.format("window T1 %s enabled=%s", w.get("type").asText(), w.get("enabled").asText()));
        }
        return out;
    }
}
