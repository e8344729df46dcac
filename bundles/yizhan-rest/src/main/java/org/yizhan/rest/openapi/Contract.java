package org.yizhan.rest.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.ReaderListener;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.integration.api.OpenApiReader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import org.yizhan.api.HealthDTO;
import org.yizhan.api.account.StaffDTO;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.feedback.AssessmentDTO;
import org.yizhan.api.feedback.ComplaintDTO;
import org.yizhan.api.feedback.PublicComplaintDTO;
import org.yizhan.api.relay.RelayMessageDTO;

/**
 * The v1 contract as clients generate from it, applied to what the generator reads from the
 * JAX-RS resources: one row per operation (its id, summary, who may call it, its success status
 * and body), typed parameters, the problem response on every operation, and the fields every
 * body carries. Runs at build time only (the swagger plugin calls it); it is not in the bundle.
 */
@OpenAPIDefinition
public class Contract implements ReaderListener {

    /** An operation of the contract. {@code open}: needs no sign-in. {@code body}: the success body's schema when the generator cannot see it. */
    /** The operations that take an Idempotency-Key header. */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("createCase", "actOnCase");

    record Op(String method, String path, String id, String summary, boolean open, int status, String body) {
    }

    static final String RELAY_INBOX = "receiveRelayMessage";
    static final boolean OPEN = true;
    static final boolean SIGNED_IN = false;

    static final List<Op> OPERATIONS = List.of(
            new Op("GET", "/health", "getHealth", "Platform health 平台健康状态", OPEN, 200, "HealthDTO"),
            new Op("GET", "/openapi.json", "getOpenApi", "This description 接口描述", OPEN, 200, "object"),
            new Op("GET", "/centers", "listCenters", "The network of centers 服务网络", OPEN, 200, null),
            new Op("GET", "/centers/{id}/windows", "listWindows", "A center's windows 中心窗口", OPEN, 200, null),
            new Op("PUT", "/centers/{id}/windows/{type}", "switchWindow", "Switch a window on or off 开关窗口", SIGNED_IN, 200, null),
            new Op("GET", "/centers/{id}/ledger", "listLedger", "A center's visitor ledger 代办台账", SIGNED_IN, 200, null),
            new Op("POST", "/centers/{id}/ledger", "recordConsultation", "Record a consultation 登记咨询", SIGNED_IN, 200, null),
            new Op("GET", "/items", "listItems", "The service-item catalogue 事项目录", OPEN, 200, null),
            new Op("GET", "/items/{code}", "getItem", "One service item 事项详情", OPEN, 200, null),
            new Op("GET", "/windows/modules", "listModules", "Installed window modules 已安装的窗口模块", OPEN, 200, null),
            new Op("GET", "/calendar/due", "getDueDate", "The date some working days on 计算到期日", OPEN, 200, null),
            new Op("GET", "/calendar/working-days", "countWorkingDays", "Working days in a period 工作日天数", OPEN, 200, null),
            new Op("GET", "/calendar/years", "listCalendarYears", "Official calendar years loaded 已加载的日历年份", OPEN, 200, null),
            new Op("GET", "/public/cases/{number}", "lookupCase", "Follow a case with its lookup code (R30) 办件进度查询", OPEN, 200, null),
            new Op("GET", "/me", "getMe", "The signed-in account 当前账号", SIGNED_IN, 200, null),
            new Op("POST", "/me/password", "changeMyPassword", "Change one's own password 修改本人密码", SIGNED_IN, 204, null),
            new Op("POST", "/sessions", "openSession", "Sign in: a session token instead of the password 登录（会话令牌）", SIGNED_IN, 200, null),
            new Op("DELETE", "/sessions/current", "closeSession", "Sign out: end the session 退出登录", SIGNED_IN, 204, null),
            new Op("POST", "/cases", "createCase", "Take an application 受理申请", SIGNED_IN, 201, "CaseDTO"),
            new Op("GET", "/cases", "listCases", "Cases of the caller's centers 办件列表", SIGNED_IN, 200, null),
            new Op("GET", "/cases/{number}", "getCase", "One case with its history 办件详情", SIGNED_IN, 200, null),
            new Op("POST", "/cases/{number}/actions/{action}", "actOnCase", "Act on a case 办件操作", SIGNED_IN, 200, "CaseDTO"),
            new Op("GET", "/cases/{number}/history/verify", "verifyCaseHistory", "Verify a case's history chain 校验办件历史", SIGNED_IN, 200, null),
            new Op("GET", "/supervision/alerts", "listAlerts", "Yellow and red alerts (R20) 预警办件", SIGNED_IN, 200, null),
            new Op("GET", "/supervision/rates", "getRates", "Completion and on-time rates 办结率与按时率", SIGNED_IN, 200, null),
            new Op("POST", "/supervision/scan", "runScan", "Run the alert scan now 立即扫描", SIGNED_IN, 200, null),
            new Op("POST", "/relay/inbox", "receiveRelayMessage", "Hand over a relay message, signed by its link (R23) 接收报送消息", SIGNED_IN, 200, null),
            new Op("GET", "/relay/status", "getRelayStatus", "The relay's outbox 报送状态", SIGNED_IN, 200, null),
            new Op("GET", "/relay/transports", "listTransports", "How each center is reached 报送通道", SIGNED_IN, 200, null),
            new Op("PUT", "/relay/transports/{center}", "setTransport", "Set how a center is reached 设置报送通道", SIGNED_IN, 200, null),
            new Op("GET", "/relay/routes", "listIntegrationRoutes", "Integration route files 集成路由", SIGNED_IN, 200, null),
            new Op("GET", "/relay/dead-letters", "listDeadLetters", "Messages given up on 死信", SIGNED_IN, 200, null),
            new Op("POST", "/relay/dead-letters/{id}/replay", "replayDeadLetter", "Send a dead letter again 重发死信", SIGNED_IN, 200, null),
            new Op("POST", "/relay/dead-letters/replay", "replayAllDeadLetters", "Send every dead letter again 全部重发", SIGNED_IN, 200, null),
            new Op("POST", "/admin/centers", "createCenter", "Create a center 新建中心", SIGNED_IN, 201, "CenterDTO"),
            new Op("PUT", "/admin/centers/{id}", "updateCenter", "Rename a center 修改中心", SIGNED_IN, 200, null),
            new Op("POST", "/admin/centers/{id}/close", "closeCenter", "Close a center 撤销中心", SIGNED_IN, 200, null),
            new Op("POST", "/admin/centers/import", "importCenters", "Import the network file (CSV) 导入服务网络", SIGNED_IN, 200, null),
            new Op("GET", "/admin/staff", "listStaff", "Staff accounts 工作人员账号", SIGNED_IN, 200, null),
            new Op("POST", "/admin/staff", "createStaff", "Create a staff account 新建账号", SIGNED_IN, 201, "StaffDTO"),
            new Op("GET", "/admin/staff/{username}", "getStaff", "One staff account 查看账号", SIGNED_IN, 200, null),
            new Op("PUT", "/admin/staff/{username}", "updateStaff", "Change a staff account 修改账号", SIGNED_IN, 200, null),
            new Op("POST", "/admin/staff/{username}/reset-password", "resetStaffPassword", "Issue a one-time password 重置密码", SIGNED_IN, 200, null),
            new Op("POST", "/admin/staff/{username}/unlock", "unlockStaff", "Unlock an account 解锁账号", SIGNED_IN, 200, null),
            new Op("GET", "/audit", "listAudit", "The audit log 审计日志", SIGNED_IN, 200, null),
            new Op("GET", "/audit/verify", "verifyAudit", "Verify the audit log's chain 校验审计日志", SIGNED_IN, 200, null),
            new Op("POST", "/public/cases/{number}/rating", "rateCase", "Rate a finished case with its lookup code (R21) 办件评价", OPEN, 200, null),
            new Op("POST", "/cases/{number}/rating", "recordRating", "Record the applicant's rating at the window (R21) 窗口代为登记评价", SIGNED_IN, 200, null),
            new Op("GET", "/ratings/unrated", "listUnrated", "Finished cases not yet rated, to invite (R21) 待邀评办件", SIGNED_IN, 200, null),
            new Op("GET", "/rectifications", "listRectifications", "Rectifications of bad ratings (R21) 差评整改", SIGNED_IN, 200, null),
            new Op("GET", "/rectifications/{id}", "getRectification", "One rectification 整改详情", SIGNED_IN, 200, null),
            new Op("POST", "/rectifications/{id}/actions/{action}", "actOnRectification", "Verify, rectify, visit, close, appeal, decide 整改操作", SIGNED_IN, 200, null),
            new Op("POST", "/complaints", "recordComplaint", "Record a complaint (R22) 登记投诉", SIGNED_IN, 201, "ComplaintDTO"),
            new Op("GET", "/complaints", "listComplaints", "Complaints of the caller's centers 投诉列表", SIGNED_IN, 200, null),
            new Op("GET", "/complaints/{number}", "getComplaint", "One complaint with its history 投诉详情", SIGNED_IN, 200, null),
            new Op("POST", "/complaints/{number}/actions/{action}", "actOnComplaint", "Answer, refer or follow up a complaint 投诉办理", SIGNED_IN, 200, null),
            new Op("GET", "/complaints/{number}/letter", "printComplaintAnswer", "The written answer, to print 书面答复", SIGNED_IN, 200, "html"),
            new Op("POST", "/public/complaints", "fileComplaint", "File a complaint on the web (R22) 网上投诉", OPEN, 201, "PublicComplaintDTO"),
            new Op("GET", "/public/complaints/{number}", "lookupComplaint", "Follow a complaint with its lookup code 投诉进度查询", OPEN, 200, null),
            new Op("GET", "/public/assessments", "getAssessment", "Assessments of windows and centers, ranked (R28) 考核结果", OPEN, 200, "AssessmentDTO"),
            new Op("GET", "/centers/{id}/posts", "listPosts", "A center's A/B posts (R17) 窗口AB岗", SIGNED_IN, 200, null),
            new Op("PUT", "/centers/{id}/posts", "setPosts", "Set a center's A/B posts 设置AB岗", SIGNED_IN, 200, null),
            new Op("GET", "/centers/{id}/roster", "getRoster", "A village room's duty roster (R25) 值班表", SIGNED_IN, 200, null),
            new Op("PUT", "/centers/{id}/roster", "setRoster", "Set days of the duty roster 安排值班", SIGNED_IN, 200, null),
            new Op("GET", "/me/presence", "getMyPresence", "One's own presence (R18) 本人在岗状态", SIGNED_IN, 200, null),
            new Op("PUT", "/me/presence", "setMyPresence", "At the window, or away and where (R18) 设置去向", SIGNED_IN, 200, null),
            new Op("GET", "/public/centers/{id}/board", "getBoard", "Who is at which window, who is away and where (R18) 去向公示", OPEN, 200, null),
            new Op("GET", "/public/centers/{id}/slots", "listSlots", "Appointment slots of a window on a day (R26) 预约时段", OPEN, 200, null),
            new Op("POST", "/public/appointments", "bookAppointment", "Book a slot (R26) 预约", OPEN, 201, "AppointmentDTO"),
            new Op("DELETE", "/public/appointments/{code}", "cancelAppointment", "Cancel with the code and phone 取消预约", OPEN, 200, null),
            new Op("GET", "/appointments", "listAppointments", "A day's appointments at the caller's center 当日预约", SIGNED_IN, 200, null),
            new Op("POST", "/appointments/{code}/actions/{action}", "actOnAppointment", "Mark an arrival or a no-show 到号确认", SIGNED_IN, 200, null),
            new Op("POST", "/relay/routes/{id}/suspend", "suspendRoute", "Suspend an integration route 暂停集成路由", SIGNED_IN, 200, null),
            new Op("POST", "/relay/routes/{id}/resume", "resumeRoute", "Resume an integration route 恢复集成路由", SIGNED_IN, 200, null),
            new Op("POST", "/integration/replay", "backfillRoute", "Give a route the case events since a day 补发集成事件", SIGNED_IN, 200, "object"),
            new Op("POST", "/referrals", "issueReferral", "A referral slip to another window (R11, R16) 出具转办单", SIGNED_IN, 201, "ReferralDTO"));

    /** Query and path parameters by name: their type, and bounds where the server has them. */
    private static Schema<?> parameterSchema(String operation, String name) {
        if ("id".equals(name) && operation.endsWith("Route")) {
            return new Schema<>().type("string").maxLength(200);   // a route's id, as its file names it
        }
        if ("status".equals(name) && "listRectifications".equals(operation)) {
            return enumOf(List.of("OPEN", "VERIFIED", "RECTIFIED", "VISITED", "CLOSED", "APPEALED", "ANNULLED"));
        }
        if ("status".equals(name) && "listComplaints".equals(operation)) {
            return enumOf(List.of("RECEIVED", "REFERRED", "ANSWERED", "CLOSED"));
        }
        return switch (name) {
            case "id", "center" -> new Schema<>().type("integer").format("int64").minimum(java.math.BigDecimal.ONE);
            case "page" -> new Schema<>().type("integer").format("int32").minimum(java.math.BigDecimal.ZERO)
                    .maximum(java.math.BigDecimal.valueOf(1_000_000));
            case "size" -> new Schema<>().type("integer").format("int32").minimum(java.math.BigDecimal.ONE)
                    .maximum(java.math.BigDecimal.valueOf(1000));
            case "workingDays" -> new Schema<>().type("integer").format("int32").minimum(java.math.BigDecimal.ZERO)
                    .maximum(java.math.BigDecimal.valueOf(3650));
            case "version" -> new Schema<>().type("integer").format("int32").minimum(java.math.BigDecimal.ONE);
            case "from", "to", "date" -> new Schema<>().type("string").format("date");
            case "full", "mine", "owned" -> new Schema<>().type("boolean");
            case "status" -> enumOf(Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
            case "level" -> enumOf(List.of("RED", "YELLOW"));
            case "period" -> new Schema<>().type("string").pattern("^[0-9]{4}(-Q[1-4])?$").maxLength(7);
            case "format" -> enumOf(List.of("json", "csv"));
            default -> new Schema<>().type("string").maxLength(200);
        };
    }

    /** Query parameters the server requires, by operation id. */
    private static final Map<String, List<String>> REQUIRED_QUERY = Map.ofEntries(
            Map.entry("getDueDate", List.of("center", "from", "workingDays")),
            Map.entry("countWorkingDays", List.of("center", "from", "to")),
            Map.entry("getRates", List.of("from", "to")),
            Map.entry("lookupCase", List.of("lookupCode")),
            Map.entry("rateCase", List.of("lookupCode")),
            Map.entry("lookupComplaint", List.of("lookupCode")),
            Map.entry("getAssessment", List.of("period")),
            Map.entry("getRoster", List.of("from", "to")),
            Map.entry("listSlots", List.of("date", "window")),
            Map.entry("cancelAppointment", List.of("phone")),
            Map.entry("listAppointments", List.of("date")));

    /** The fields a body always carries (responses) or must carry (requests), by schema. */
    private static final Map<String, List<String>> REQUIRED_FIELDS = new LinkedHashMap<>();

    static {
        REQUIRED_FIELDS.put("NewCaseDTO", List.of("itemCode", "centerId", "applicant"));
        REQUIRED_FIELDS.put("ApplicantDTO", List.of("name", "idType"));
        REQUIRED_FIELDS.put("CenterInput", List.of("code", "name", "level"));
        REQUIRED_FIELDS.put("PasswordChange", List.of("oldPassword", "newPassword"));
        REQUIRED_FIELDS.put("WindowSwitch", List.of("enabled"));
        REQUIRED_FIELDS.put("TransportChange", List.of("transport"));
        REQUIRED_FIELDS.put("RelayMessageDTO", List.of("id", "kind", "caseNumber", "fromCenter", "toCenter"));
        REQUIRED_FIELDS.put("CaseDTO", List.of("number", "lookupCode", "itemCode", "itemVersion", "itemName", "centerId",
                "decidingCenterId", "windowType", "status", "applicant", "createdAt"));
        REQUIRED_FIELDS.put("CasePageDTO", List.of("items", "total", "page", "size"));
        REQUIRED_FIELDS.put("CaseEventDTO", List.of("seq", "at", "action", "hash", "prevHash"));
        REQUIRED_FIELDS.put("PublicCaseDTO", List.of("number", "status", "itemCode", "itemName", "applicantMasked"));
        REQUIRED_FIELDS.put("CenterDTO", List.of("id", "code", "name", "level"));
        REQUIRED_FIELDS.put("WindowDTO", List.of("type", "name", "enabled", "available"));
        REQUIRED_FIELDS.put("ItemDTO", List.of("code", "version", "name", "windowType", "handlingClass", "promisedDays"));
        REQUIRED_FIELDS.put("MaterialDTO", List.of("code", "name", "required"));
        REQUIRED_FIELDS.put("DueDTO", List.of("due", "estimated"));
        REQUIRED_FIELDS.put("WorkingDaysDTO", List.of("workingDays", "estimated"));
        REQUIRED_FIELDS.put("VerificationDTO", List.of("valid", "events"));
        REQUIRED_FIELDS.put("StaffDTO", List.of("username", "name", "centerId", "roles", "active", "mustChangePassword"));
        REQUIRED_FIELDS.put("AlertPageDTO", List.of("items", "total", "red", "yellow"));
        REQUIRED_FIELDS.put("AuditPageDTO", List.of("items", "total"));
        REQUIRED_FIELDS.put("AuditEventDTO", List.of("seq", "at", "actor", "kind", "hash", "prevHash"));
        REQUIRED_FIELDS.put("ReceiptDTO", List.of("messageId", "duplicate"));
        REQUIRED_FIELDS.put("HealthDTO", List.of("status", "database"));
        REQUIRED_FIELDS.put("Me", List.of("user", "roles", "centerId", "mustChangePassword"));
        REQUIRED_FIELDS.put("SessionDTO", List.of("token", "idleSeconds", "me"));
        REQUIRED_FIELDS.put("RatingInput", List.of("level"));
        REQUIRED_FIELDS.put("RatingDTO", List.of("caseNumber", "level", "channel", "ratedAt", "decidingCenterId", "windowType"));
        REQUIRED_FIELDS.put("RectificationDTO", List.of("id", "caseNumber", "status", "level", "openedOn", "due", "actions", "history"));
        REQUIRED_FIELDS.put("DueDateDTO", List.of("dueDate", "estimated"));
        REQUIRED_FIELDS.put("ComplaintInput", List.of("category", "text", "centerId", "complainant"));
        REQUIRED_FIELDS.put("ComplaintDTO", List.of("number", "category", "form", "status", "text", "centerId", "receivedOn",
                "dueDate", "proposalDue", "actions", "history"));
        REQUIRED_FIELDS.put("PublicComplaintDTO", List.of("number", "category", "status", "receivedOn", "dueDate"));
        REQUIRED_FIELDS.put("PostDTO", List.of("windowType", "a", "b"));
        REQUIRED_FIELDS.put("PresenceDTO", List.of("status"));
        REQUIRED_FIELDS.put("PresenceInput", List.of("status"));
        REQUIRED_FIELDS.put("BoardDTO", List.of("centerId", "centerName", "windows"));
        REQUIRED_FIELDS.put("SlotDTO", List.of("start", "end", "capacity", "left", "reservedForUrgent"));
        REQUIRED_FIELDS.put("AppointmentInput", List.of("centerId", "windowType", "slotStart", "name", "phone"));
        REQUIRED_FIELDS.put("AppointmentDTO", List.of("code", "centerId", "windowType", "slotStart", "slotEnd", "status"));
        REQUIRED_FIELDS.put("RosterDayDTO", List.of("date"));
        REQUIRED_FIELDS.put("ReferralInput", List.of("windowType"));
        REQUIRED_FIELDS.put("Backfill", List.of("routeId", "since"));
        REQUIRED_FIELDS.put("ReferralDTO", List.of("id", "at", "fromCenterId", "toCenterId", "toCenterName", "windowType", "windowName"));
        REQUIRED_FIELDS.put("AssessmentDTO", List.of("period", "from", "to", "frozen", "weights", "windows", "centers"));
    }

    @Override
    public void beforeScan(OpenApiReader reader, OpenAPI openAPI) {
        // nothing before: the contract is applied to what the resources describe
    }

    @Override
    public void afterScan(OpenApiReader reader, OpenAPI openAPI) {
        // the bodies of the operations that answer a Response, which the generator cannot see through
        for (Class<?> type : List.of(HealthDTO.class, CaseDTO.class, CenterDTO.class, StaffDTO.class, RelayMessageDTO.class,
                ComplaintDTO.class, PublicComplaintDTO.class, AssessmentDTO.class, org.yizhan.api.people.AppointmentDTO.class,
                org.yizhan.api.people.ReferralDTO.class)) {
            ModelConverters.getInstance().readAll(type).forEach((n, s) -> openAPI.getComponents().addSchemas(n, s));
        }
        List<String> seen = new ArrayList<>();
        for (Op op : OPERATIONS) {
            PathItem item = openAPI.getPaths().get(op.path());
            Operation o = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.method()));
            if (o == null) {
                throw new IllegalStateException("The contract names " + op.method() + " " + op.path() + ", which no resource serves");
            }
            seen.add(op.method() + " " + op.path());
            apply(op, o);
            if ("getAssessment".equals(op.id())) {
                // the same assessment as CSV, for spreadsheets (Accept: text/csv or format=csv)
                o.getResponses().get("200").getContent().addMediaType("text/csv", new MediaType().schema(new Schema<>().type("string")));
            }
        }
        openAPI.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, o) -> {
            if (!seen.contains(method.name() + " " + path)) {
                throw new IllegalStateException(method + " " + path + " is served but not in the contract (Contract.OPERATIONS)");
            }
        }));
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            List<String> required = REQUIRED_FIELDS.get(name);
            if (required != null) {
                for (String field : required) {
                    if (schema.getProperties() == null || !schema.getProperties().containsKey(field)) {
                        throw new IllegalStateException("Schema " + name + " has no field " + field);
                    }
                }
                schema.setRequired(new ArrayList<>(required));
            }
        });
    }

    private static void apply(Op op, Operation o) {
        o.setOperationId(op.id());
        o.setSummary(op.summary());
        o.setTags(List.of(op.path().split("/")[1].replace(".json", "")));
        if (op.open()) {
            o.setSecurity(new ArrayList<SecurityRequirement>());   // an empty list: no sign-in
        }
        if (RELAY_INBOX.equals(op.id())) {
            // no account: the body is read as bytes, so that the signature covers exactly what was sent
            o.setSecurity(List.of(new SecurityRequirement().addList("relayLink")));
            o.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/RelayMessageDTO")))));
        }
        for (Parameter p : o.getParameters() == null ? List.<Parameter>of() : o.getParameters()) {
            p.setSchema(parameterSchema(op.id(), p.getName()));
            if (REQUIRED_QUERY.getOrDefault(op.id(), List.of()).contains(p.getName())) {
                p.setRequired(true);
            }
        }
        if (IDEMPOTENT.contains(op.id())) {
            o.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter().name("Idempotency-Key")
                    .description("A new key per request (e.g. a UUID); a retry with the same key answers the first result and changes"
                            + " nothing (header Idempotent-Replayed: true); the same key with another request is refused (422)."
                            + " 幂等键：重试时使用同一个键，不会重复办理")
                    .schema(new Schema<String>().type("string").maxLength(100).pattern("^[A-Za-z0-9._:-]{1,100}$")));
        }
        ApiResponse generated = o.getResponses() == null ? null : o.getResponses().get("default");
        ApiResponse success = new ApiResponse().description(op.summary());
        if (op.status() != 204) {
            Content content = generated == null ? null : generated.getContent();
            if ("html".equals(op.body())) {
                content = new Content().addMediaType("text/html", new MediaType().schema(new Schema<>().type("string")));
            } else if (op.body() != null) {
                Schema<?> schema = "object".equals(op.body()) ? new ObjectSchema()
                        : new Schema<>().$ref("#/components/schemas/" + op.body());
                content = new Content().addMediaType("application/json", new MediaType().schema(schema));
            }
            if (content == null || content.values().stream().allMatch(m -> m.getSchema() == null)) {
                throw new IllegalStateException(op.method() + " " + op.path() + " has no schema for its body");
            }
            success.setContent(content);
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(Integer.toString(op.status()), success);
        responses.addApiResponse("4XX", new ApiResponse().$ref("#/components/responses/Problem"));
        responses.addApiResponse("5XX", new ApiResponse().$ref("#/components/responses/Problem"));
        o.setResponses(responses);
    }

    private static Schema<?> enumOf(List<String> values) {
        Schema<String> s = new Schema<String>().type("string");
        s.setEnum(new ArrayList<>(values));
        return s;
    }
}
