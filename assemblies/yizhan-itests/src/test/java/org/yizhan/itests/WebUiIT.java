package org.yizhan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser UI as its users use it: headless Chromium (Debian's chromium and chromedriver)
 * against a running distribution. The public guide and case lookup; a clerk's accept → one-time
 * notice → supplement → approve → deliver; a village agent's proxy case travelling to the town
 * and the decision coming back; the supervisor's and the town admin's pages. Screenshots of each
 * step are kept in target/ui-screenshots.
 */
public class WebUiIT {

    private static final int PORT = 28681;
    private static final AtomicInteger IDS = new AtomicInteger(900);
    private static Distribution karaf;
    private static Api api;
    private static WebDriver browser;
    private static Path shots;

    @BeforeClass
    public static void startAll() throws Exception {
        karaf = Distribution.running("ui-it", PORT, 28601);
        api = new Api(karaf.baseUrl());
        shots = Path.of(System.getProperty("project.build.directory", "target"), "ui-screenshots");
        Files.createDirectories(shots);
        String driver = System.getProperty("yizhan.chromedriver", "/usr/bin/chromedriver");
        String chrome = System.getProperty("yizhan.chromium", "/usr/bin/chromium");
        assertTrue("the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver): "
                + driver + " missing", Files.isExecutable(Path.of(driver)));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofMillis(0));
    }

    @AfterClass
    public static void stopAll() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Before
    public void desktop() {
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    private static String url(String hash) {
        return "http://localhost:" + PORT + "/" + hash;
    }

    /** Loads the page afresh (a hash-only change would keep the page as it is). */
    private static void open(String hash) {
        browser.get("about:blank");
        browser.get(url(hash));
    }

    private static WebElement await(By by) {
        return await(() -> browser.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null), by.toString());
    }

    private static <T> T await(Supplier<T> what, String description) {
        return await(what, description, Duration.ofMillis(100));
    }

    /** Polls {@code what} every {@code interval} until it gives a value (not null, not false), for 30 s. */
    private static <T> T await(Supplier<T> what, String description, Duration interval) {
        try {
            return org.awaitility.Awaitility.await(description).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(interval).until(() -> {
                        try {
                            return what.get();
                        } catch (RuntimeException stale) {
                            return null;    // the page is being redrawn
                        }
                    }, t -> t != null && !Boolean.FALSE.equals(t));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("never saw " + description + " on " + browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("main")).getText());
        }
    }

    private static void awaitText(By by, String text) {
        await(() -> browser.findElements(by).stream().anyMatch(e -> e.getText().contains(text)) ? Boolean.TRUE : null, text + " in " + by);
    }

    private static void shot(String name) throws IOException {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** A new visitor: signed out, Chinese. */
    private static void fresh() {
        open("#/lookup");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    private static void login(String user) {
        login(user, "demo");
        await(By.id("logout"));
        // the page keeps a session token, never the password (the trust-boundary issue)
        String stored = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(Object.assign({}, sessionStorage, localStorage));"));
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue("a session token is kept: " + stored, stored.contains("yzToken"));
        assertFalse("the password is not kept: " + stored, stored.contains(basic) || stored.contains("\"demo\""));
    }

    private static void login(String user, String password) {
        fresh();
        open("#/login");
        await(By.id("f-user")).sendKeys(user);
        browser.findElement(By.id("f-password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    }

    private static void type(String id, String text) {
        WebElement e = await(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String status() {
        return await(By.id("case-status")).getAttribute("data-status");
    }

    private static void act(String action) {
        await(By.cssSelector("#act button[data-action='" + action + "']")).click();
        await(By.cssSelector("#act-form button[data-do='" + action + "']")).click();
    }

    private static void awaitStatus(String number, String wanted) {
        await(() -> {
            String s = browser.findElements(By.id("case-status")).isEmpty() ? null : status();
            if (wanted.equals(s)) {
                return Boolean.TRUE;
            }
            // not yet: load the page afresh; the next look, a moment later, sees it drawn
            open("#/case/" + number + "?t=" + System.nanoTime());
            return null;
        }, "status " + wanted, Duration.ofMillis(400));
    }

    @Test
    public void thePublicReadsTheGuideAndLooksUpACase_R6_R30() throws Exception {
        fresh();
        open("");
        awaitText(By.tagName("h1"), "办事指南");
        new Select(await(By.id("f-center"))).selectByValue("11");
        awaitText(By.id("items"), "临时救助");
        // the window column names the window, never its type code
        awaitText(By.id("items"), "民政");
        assertFalse(browser.findElement(By.id("items")).getText().contains("civil-affairs"));
        shot("01-public-guide");
        browser.findElement(By.partialLinkText("临时救助")).click();
        awaitText(By.tagName("main"), "设定依据");
        String page = browser.findElement(By.tagName("main")).getText();
        for (String r6 : List.of("实施主体", "办理条件", "办理程序", "承诺时限", "收费标准", "申请材料")) {
            assertTrue(r6 + " shown (R6): " + page, page.contains(r6) || page.contains("材料清单"));
        }
        shot("02-public-item");

        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-002", 11, Api.residentId(IDS.incrementAndGet()), "id-card", "hardship-statement"));
        open("#/lookup");
        type("f-number", c.text("number"));
        type("f-lookupCode", "WRONG123");
        browser.findElement(By.cssSelector("#lookup button")).click();
        WebElement error = await(By.cssSelector("[data-field='lookupCode'] .err"));
        assertTrue("the error is in Chinese, next to the field: " + error.getText(), error.getText().contains("查询码"));
        type("f-lookupCode", c.text("lookupCode"));
        browser.findElement(By.cssSelector("#lookup button")).click();
        awaitText(By.id("public-case"), "已受理");
        assertTrue("no personal data in the public view", !browser.findElement(By.id("public-case")).getText().contains("王五"));
        shot("03-public-lookup");

        browser.findElement(By.id("lang")).click();
        awaitText(By.tagName("h1"), "Case lookup");
        browser.findElement(By.id("lang")).click();
        awaitText(By.tagName("h1"), "办件查询");
    }

    /** A case of 柳河镇 delivered through the API; {number, lookupCode}. */
    private static String[] deliveredCase() throws Exception {
        Api.Answer c = api.post("/cases", "clerk-T1", Api.newCase("MZ-002", 11, Api.residentId(IDS.incrementAndGet()), "id-card", "hardship-statement"));
        String n = c.text("number");
        assertEquals("APPROVED", api.act("clerk-T1", n, "approve", "{}").text("status"));
        assertEquals("DELIVERED", api.act("clerk-T1", n, "deliver", "{}").text("status"));
        return new String[] {n, c.text("lookupCode")};
    }

    @Test
    public void thePublicRatesAFinishedCase_filesAComplaintAndFollowsIt_andReadsTheAssessment_R21_R22_R28() throws Exception {
        String[] c = deliveredCase();
        fresh();
        open("#/lookup?number=" + c[0] + "&code=" + c[1]);
        await(By.id("rate-public"));
        String faces = browser.findElement(By.cssSelector("#rate-public .faces")).getText();
        assertTrue("five levels, Chinese first: " + faces, faces.indexOf("非常满意") < faces.indexOf("Very satisfied") && faces.contains("非常不满意"));
        browser.findElement(By.cssSelector("#rate-public button[type=submit]")).click();
        WebElement missing = await(By.cssSelector("[data-field='level'] .err"));
        assertTrue("the level is required, said next to it: " + missing.getText(), !missing.getText().isBlank());
        browser.findElement(By.cssSelector("#rate-public .face[data-level='SATISFIED']")).click();
        browser.findElement(By.cssSelector("#rate-public details summary")).click();
        new Select(await(By.id("f-indicators.attitude"))).selectByValue("VERY_SATISFIED");
        shot("20-public-rating");
        browser.findElement(By.cssSelector("#rate-public button[type=submit]")).click();
        awaitText(By.id("rating-done"), "感谢您的评价");
        assertEquals("SATISFIED", api.get("/public/cases/" + c[0] + "?lookupCode=" + c[1], null).text("rating"));

        open("#/complaint");
        new Select(await(By.id("f-category"))).selectByValue("RULES");
        new Select(browser.findElement(By.id("f-centerId"))).selectByValue("11");
        type("f-text", "材料没有一次性告知，跑了三趟");
        type("f-name", "周投诉");
        browser.findElement(By.cssSelector("#complaint button[type=submit]")).click();
        WebElement phone = await(By.cssSelector("[data-field='complainant.phone'] .err"));
        assertTrue("a web complaint needs a phone for the follow-up: " + phone.getText(), !phone.getText().isBlank());
        type("f-phone", "13700001111");
        browser.findElement(By.cssSelector("#complaint button[type=submit]")).click();
        String number = await(By.id("filed-number")).getText();
        String code = browser.findElement(By.id("filed-code")).getText();
        shot("21-public-complaint");
        type("f-cnumber", number);
        type("f-ccode", code);
        browser.findElement(By.cssSelector("#complaint-lookup button")).click();
        awaitText(By.id("public-complaint"), "已受理");
        assertFalse("no personal data in the public view", browser.findElement(By.id("public-complaint")).getText().contains("周投诉"));

        open("#/assessment");
        await(By.id("assess-windows"));
        awaitText(By.id("assessment-state"), "期间未结束");
        assertTrue("a ranked chart of the windows", !browser.findElements(By.cssSelector("svg.bars rect")).isEmpty());
        awaitText(By.id("assess-windows"), "柳河镇便民服务中心");
        assertTrue(browser.findElement(By.id("csv")).getAttribute("href").contains("format=csv"));
        shot("22-public-assessment");
    }

    @Test
    public void theWindowScreenTakesARating_theWindowRectifies_theOfficeAnswersAComplaintInWriting_R21_R22() throws Exception {
        String[] c = deliveredCase();
        login("clerk-T1");
        open("#/case/" + c[0]);
        await(By.id("rate-link")).click();
        await(By.id("rate-window"));
        assertFalse("the window screen shows no navigation", browser.findElement(By.id("nav")).isDisplayed());
        browser.findElement(By.cssSelector("#rate-window .face[data-level='VERY_DISSATISFIED']")).click();
        shot("23-window-rating");
        browser.findElement(By.cssSelector("#rate-window button[type=submit]")).click();
        awaitText(By.id("rating-done"), "非常不满意");
        open("#/rectifications");
        WebElement verify = await(By.xpath("//tr[td/a[text()='" + c[0] + "']]//button[@data-action='verify']"));
        verify.click();
        type("f-text", "等候超时属实，已约谈窗口人员");
        browser.findElement(By.cssSelector("#rect-act button[type=submit]")).click();
        awaitText(By.xpath("//tr[td/a[text()='" + c[0] + "']]"), "已核实");
        String rectifications = browser.findElement(By.id("rectifications")).getText();
        assertTrue("the window by its name: " + rectifications, rectifications.contains("民政") && !rectifications.contains("civil-affairs"));
        assertTrue("the opening step in Chinese only: " + rectifications, rectifications.contains("差评（非常不满意）")
                && !rectifications.contains("Bad rating"));
        shot("24-rectifications");

        Api.Answer filed = api.post("/complaints", "supervisor", "{\"category\":\"ATTITUDE\",\"form\":\"WRITTEN\",\"text\":\"窗口人员态度生硬\","
                + "\"centerId\":11,\"caseNumber\":\"" + c[0] + "\",\"complainant\":{\"name\":\"吴书面\",\"phone\":\"13600002222\"}}");
        assertEquals(filed.toString(), 201, filed.status());
        login("supervisor");
        open("#/complaints");
        await(By.linkText(filed.text("number"))).click();
        await(By.cssSelector("#complaint-act button[data-action='answer']")).click();
        type("f-text", "经核实属实，已批评教育并致歉");
        browser.findElement(By.cssSelector("input[name='upheld'][value='true']")).click();
        browser.findElement(By.cssSelector("#complaint-act button[type=submit]")).click();
        await(() -> "ANSWERED".equals(browser.findElements(By.id("complaint-status")).isEmpty() ? null
                : browser.findElement(By.id("complaint-status")).getAttribute("data-status")) ? Boolean.TRUE : null, "answered");
        await(By.id("letter")).click();
        awaitText(By.id("letter-text"), "投诉答复书");
        assertTrue(browser.findElement(By.id("letter-text")).getText().contains("吴书面"));
        shot("25-complaint-letter");
    }

    @Test
    public void thePublicBooksASlotAndReadsTheBoard_theClerkSetsPresenceAndTakesTheArrival_R17_R18_R25_R26() throws Exception {
        String day = api.get("/calendar/due?center=11&from=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                + "&workingDays=1", null).text("due");
        fresh();
        open("#/book?center=11");
        new Select(await(By.id("f-window"))).selectByValue("civil-affairs");
        WebElement date = browser.findElement(By.id("f-date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", date, day);
        await(By.cssSelector("#slots .slot[data-start='" + day + "T09:00']")).click();
        type("f-name", "钱预约");
        type("f-phone", "13811112222");
        shot("26-public-booking");
        browser.findElement(By.cssSelector("#book button[type=submit]")).click();
        String code = await(By.id("booking-code")).getText();
        assertEquals(8, code.length());

        open("#/board?center=11");
        awaitText(By.id("board"), "民政");
        shot("27-public-board");

        login("clerk-T1");
        new Select(await(By.id("presence"))).selectByValue("MEETING");
        Api.until("clerk-T1 away at a meeting", Duration.ofSeconds(30), () -> "AWAY".equals(api.get("/me/presence", "clerk-T1").text("status")));
        open("#/board?center=11");
        awaitText(By.cssSelector("#board tr[data-window='civil-affairs']"), "会议");
        new Select(await(By.id("presence"))).selectByValue("PRESENT");
        Api.until("clerk-T1 back", Duration.ofSeconds(30), () -> "PRESENT".equals(api.get("/me/presence", "clerk-T1").text("status")));

        open("#/appointments?date=" + day);
        await(By.cssSelector("#appointments tr[data-code='" + code + "'] button[data-arrive]"));
        String booked = browser.findElement(By.cssSelector("#appointments tr[data-code='" + code + "']")).getText();
        assertTrue("the window by its name: " + booked, booked.contains("民政") && !booked.contains("civil-affairs"));
        shot("28-clerk-appointments");
        browser.findElement(By.cssSelector("#appointments tr[data-code='" + code + "'] button[data-arrive]")).click();
        await(() -> "钱预约".equals(browser.findElements(By.id("f-applicant.name")).isEmpty() ? null
                : browser.findElement(By.id("f-applicant.name")).getAttribute("value")) ? Boolean.TRUE : null, "the arrival's name in the new case");

        // R11, R16: another window's matter gets a printable referral slip
        open("#/referral");
        new Select(await(By.id("f-centerId"))).selectByValue("1");
        await(By.cssSelector("#f-window option[value='disabled-federation']"));
        new Select(browser.findElement(By.id("f-window"))).selectByValue("disabled-federation");
        type("f-visitor", "郑转办");
        browser.findElement(By.cssSelector("#referral button[type=submit]")).click();
        awaitText(By.id("referral-slip"), "残联");
        shot("30-referral-slip");

        login("agent-T1V1");
        open("#/roster");
        type("d-0", "周值班");
        browser.findElement(By.cssSelector("#roster button[type=submit]")).click();
        Api.until("the roster saved", Duration.ofSeconds(30), () -> "周值班".equals(api.get("/public/centers/111/board", null).text("onDuty")));
        open("#/board?center=111");
        awaitText(By.id("on-duty"), "周值班");

        login("town-admin-T1");
        open("#/posts");
        await(By.cssSelector("#posts button[type=submit]"));
        shot("29-town-admin-posts");
        browser.findElement(By.cssSelector("#posts button[type=submit]")).click();
        awaitText(By.id("flash"), "已完成");
    }

    @Test
    public void aClerkAccepts_notifies_takesTheSupplement_approves_delivers_R10_R12() throws Exception {
        login("clerk-T1");
        open("#/new");
        new Select(await(By.id("f-itemCode"))).selectByValue("MZ-002");
        type("f-applicant.name", "王五");
        type("f-applicant.idNumber", "110105194912310021");
        await(By.cssSelector("input[name=m][value='id-card']")).click();
        browser.findElement(By.cssSelector("#new-case button[type=submit]")).click();
        WebElement bad = await(By.cssSelector("[data-field='applicant.idNumber'] .err"));
        assertTrue("a wrong ID number is named next to its field: " + bad.getText(), !bad.getText().isBlank());
        assertEquals("true", browser.findElement(By.id("f-applicant.idNumber")).getAttribute("aria-invalid"));
        shot("04-clerk-error-next-to-field");

        type("f-applicant.idNumber", Api.residentId(IDS.incrementAndGet()));
        browser.findElement(By.cssSelector("#new-case button[type=submit]")).click();
        await(By.id("case-status"));
        assertEquals("one-time notice: materials missing", "AWAITING_SUPPLEMENT", status());
        String number = browser.getCurrentUrl().replaceAll(".*#/case/", "");
        browser.findElement(By.partialLinkText("一次性告知书")).click();
        awaitText(By.id("notice-list"), "困难情况说明");
        shot("05-one-time-notice");

        open("#/case/" + number);
        act("supplement");
        awaitStatus(number, "ACCEPTED");
        browser.findElement(By.partialLinkText("受理通知书")).click();
        awaitText(By.id("receipt"), "承诺办结日期");
        assertTrue(browser.findElement(By.id("receipt")).getText().contains(api.get("/cases/" + number, "clerk-T1").text("lookupCode")));
        shot("06-receipt");

        open("#/case/" + number);
        act("approve");
        awaitStatus(number, "APPROVED");
        act("deliver");
        awaitStatus(number, "DELIVERED");
        awaitText(By.id("verified"), "✓");
        // the history in one language: the platform's own reasons in Chinese, with no rule ids
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertTrue(timeline, timeline.contains("受理并出具受理通知书"));
        assertFalse(timeline, timeline.contains("receipt issued") || timeline.contains("(R12)"));
        shot("07-clerk-case-delivered");
        open("#/queue");
        await(By.id("queue"));
        shot("08-clerk-queue");
    }

    @Test
    public void aVillageAgentTakesAProxyCase_followsTheRelay_andHandsOutTheReply_R23_R5() throws Exception {
        login("agent-T1V1");
        open("#/new");
        new Select(await(By.id("f-itemCode"))).selectByValue("MZ-002");
        type("f-applicant.name", "赵六");
        type("f-applicant.idNumber", Api.residentId(IDS.incrementAndGet()));
        await(By.cssSelector("input[name=m][value='id-card']")).click();
        browser.findElement(By.cssSelector("input[name=m][value='hardship-statement']")).click();
        browser.findElement(By.cssSelector("#new-case button[type=submit]")).click();
        await(By.id("case-status"));
        String number = browser.getCurrentUrl().replaceAll(".*#/case/", "");
        shot("09-agent-proxy-case");
        // the town's arrival shows first (one case row); the receipt back to the room follows
        api.awaitCase(number, "agent-T1V1", "ACCEPTED", "relay-receipt", Duration.ofSeconds(30));
        open("#/case/" + number);
        awaitText(By.id("timeline"), "收到签收回执");

        assertEquals("APPROVED", api.act("clerk-T1", number, "approve", "{}").text("status"));
        // the decision shows at once (one container, one case row); its reply to the room follows
        api.awaitCase(number, "agent-T1V1", "APPROVED", "reply", Duration.ofSeconds(30));
        open("#/case/" + number);
        awaitText(By.id("timeline"), "办理结果回复");
        await(By.id("reply-note"));
        shot("10-agent-reply-came-back");
        act("deliver");
        awaitStatus(number, "DELIVERED");

        open("#/ledger");
        awaitText(By.id("ledger"), number);
        type("f-visitorName", "孙七");
        type("f-note", "咨询林木采伐许可");
        browser.findElement(By.cssSelector("#consult button")).click();
        awaitText(By.id("ledger"), "咨询林木采伐许可");
        shot("11-agent-ledger");
    }

    @Test
    public void theSupervisorSeesAlertsAndRates_theTownAdminSwitchesAWindow() throws Exception {
        api.post("/cases", "clerk-T1", Api.newCase("MZ-002", 11, Api.residentId(IDS.incrementAndGet()), "id-card", "hardship-statement"));
        login("supervisor");
        open("#/supervision");
        await(By.id("rates"));
        // windows by name, not code
        awaitText(By.id("rates"), "民政");
        assertFalse(browser.findElement(By.id("rates")).getText().contains("civil-affairs"));
        assertTrue(!browser.findElements(By.cssSelector("svg.bars rect")).isEmpty());
        shot("12-supervisor");

        login("town-admin-T1");
        open("#/windows");
        await(By.id("modules"));
        awaitText(By.id("modules"), "tea-industry");
        WebElement tea = await(By.cssSelector("#windows button[data-type='tea-industry']"));
        assertEquals("the tea window starts off at T1", "true", tea.getAttribute("data-on"));
        tea.click();
        await(() -> browser.findElements(By.cssSelector("#windows button[data-type='tea-industry'][data-on='false']")).isEmpty() ? null : Boolean.TRUE,
                "tea window on");
        assertTrue(api.get("/centers/11/windows", null).raw().body().contains("\"type\":\"tea-industry\",\"name\":\"茶产业特色窗口\",\"nameEn\":\"Tea industry (special window)\",\"enabled\":true"));
        shot("13-town-admin-windows");
        browser.findElement(By.cssSelector("#windows button[data-type='tea-industry']")).click();
    }

    @Test
    public void theGuideWorksAtPhoneWidth() throws Exception {
        fresh();
        browser.manage().window().setSize(new Dimension(390, 844));
        open("");
        new Select(await(By.id("f-center"))).selectByValue("11");
        awaitText(By.id("items"), "临时救助");
        Long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        Long view = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        assertTrue("no sideways scrolling at phone width: " + width + " > " + view, width <= view + 1);
        shot("14-phone-guide");
    }

    @Test
    public void aNewClerkMustChangeTheOneTimePassword_theCountyAdminImportsTheNetwork_R1() throws Exception {
        // the county admin creates an account in the browser; its one-time password is shown once
        login("admin");
        open("#/staff");
        await(By.id("f-username")).sendKeys("clerk-T3-ui");
        browser.findElement(By.id("f-name")).sendKeys("陈静");
        new Select(browser.findElement(By.id("f-centerId"))).selectByValue("13");
        new Select(browser.findElement(By.id("f-roles"))).selectByVisibleText("clerk");
        browser.findElement(By.id("f-windows")).sendKeys("civil-affairs");
        browser.findElement(By.cssSelector("#add-staff button[type=submit]")).click();
        String oneTime = await(By.id("temporary-password")).getText();
        assertEquals(oneTime, 14, oneTime.length());
        awaitText(By.id("staff"), "clerk-T3-ui");
        shot("15-admin-staff");

        // the clerk signs in with it and is held at the password form until it is changed
        login("clerk-T3-ui", oneTime);
        await(By.id("f-oldPassword")).sendKeys(oneTime);
        shot("16-forced-password-change");
        browser.findElement(By.id("f-newPassword")).sendKeys("short");
        browser.findElement(By.id("f-repeat")).sendKeys("short");
        browser.findElement(By.cssSelector("#password button[type=submit]")).click();
        await(By.cssSelector("[data-field='newPassword'] .err"));
        open("#/queue");
        await(By.id("f-newPassword"));
        browser.findElement(By.id("f-oldPassword")).sendKeys(oneTime);
        browser.findElement(By.id("f-newPassword")).sendKeys("Chen-Jing-Window-3");
        browser.findElement(By.id("f-repeat")).sendKeys("Chen-Jing-Window-3");
        browser.findElement(By.cssSelector("#password button[type=submit]")).click();
        await(By.id("logout"));
        await(() -> browser.getCurrentUrl().endsWith("#/queue") ? Boolean.TRUE : null, "the clerk's queue");
        assertEquals(200, api.get("/cases", "clerk-T3-ui:Chen-Jing-Window-3").status());

        // the county admin imports villages; a bad file shows every bad line
        login("admin");
        open("#/network");
        awaitText(By.id("centers"), "T3V2");
        Path bad = Files.createTempFile("network", ".csv");
        Files.writeString(bad, "code,name,nameEn,level,parentCode\nT3V7,新村,,VILLAGE,NOPE\nT3V8,,,VILLAGE,T3\n");
        browser.findElement(By.id("f-file")).sendKeys(bad.toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        awaitText(By.id("import-errors"), "NOPE");
        assertEquals(2, browser.findElements(By.cssSelector("#import-errors tbody tr")).size());
        shot("17-admin-network-import-refused");
        Path good = Files.createTempFile("network", ".csv");
        Files.writeString(good, "code,name,nameEn,level,parentCode\nT3V7,茶岭村便民服务室,Chaling Village Service Room,VILLAGE,T3\n");
        browser.findElement(By.id("f-file")).sendKeys(good.toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        awaitText(By.id("import-result"), "1");
        assertTrue(api.get("/centers", null).raw().body().contains("\"code\":\"T3V7\""));
    }

    /** Markup in anything the router reads from the address bar (path segments, parameters) is shown as text, never run. */
    @Test
    public void markupInTheAddressIsNeverRendered() throws Exception {
        String x = java.net.URLEncoder.encode("\"><img src=x onerror=\"window.__xss=1\">", java.nio.charset.StandardCharsets.UTF_8);
        login("admin");
        for (String route : List.of("#/item/" + x, "#/lookup?number=" + x + "&code=" + x, "#/queue?status=" + x, "#/case/" + x,
                "#/case/" + x + "/receipt", "#/case/" + x + "/notice", "#/supervision?from=" + x + "&to=" + x,
                "#/windows?center=" + x, "#/audit?kind=" + x)) {
            open(route);
            await(() -> browser.findElement(By.tagName("main")).getText().isBlank() ? null : Boolean.TRUE, "the view of " + route);
            Object injected = ((JavascriptExecutor) browser).executeScript(
                    "return window.__xss === 1 || document.querySelector('img[src=\"x\"]') !== null;");
            assertEquals("markup from " + route + " reached the page", Boolean.FALSE, injected);
        }
    }
}
