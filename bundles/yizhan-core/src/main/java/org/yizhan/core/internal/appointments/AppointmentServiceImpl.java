package org.yizhan.core.internal.appointments;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.YizhanException.FieldError;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.people.AppointmentDTO;
import org.yizhan.api.people.AppointmentInput;
import org.yizhan.api.people.AppointmentService;
import org.yizhan.api.people.SlotDTO;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.cases.CaseNotes;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.entity.AppointmentEntity;
import org.yizhan.core.internal.entity.SlotEntity;
import org.yizhan.core.internal.people.PeopleConfig;
import org.yizhan.core.internal.people.PeopleSettings;
import org.yizhan.core.internal.stats.Visibility;

/**
 * Appointments (R26): slots of a window at a center, on the days the center serves — its working
 * days, and the weekend or holiday days its calendar opens for appointments — within the slot
 * hours (extended hours go there). Each slot holds a number of places, a share kept for urgent
 * matters (R27); its count is taken under a row lock, so concurrent bookings never overbook it.
 * The booker's name and phone are masked once the appointment is over (arrived, no-show,
 * cancelled).
 */
@Component(service = AppointmentService.class, configurationPid = PlatformConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AppointmentServiceImpl implements AppointmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentServiceImpl.class);
    private static final Pattern START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private final Jpa jpa;
    private final NetworkService network;
    private final CatalogueService catalogue;
    private final Calendars calendars;
    private final ZoneId zone;
    private final List<LocalTime[]> hours;
    private final int slotMinutes;
    private final int capacity;
    private final int reserved;
    private final int daysAhead;

    @Activate
    public AppointmentServiceImpl(@Reference Jpa jpa, @Reference NetworkService network, @Reference CatalogueService catalogue,
                                  @Reference Calendars calendars, @Reference PeopleSettings settings, PlatformConfig platform) {
        PeopleConfig c = settings.config;
        this.jpa = jpa;
        this.network = network;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.zone = ZoneId.of(platform.zone());
        this.hours = PeopleSettings.hours(c.appointments_hours());
        this.slotMinutes = Math.max(5, c.appointments_slotMinutes());
        this.capacity = Math.max(1, c.appointments_capacity());
        this.reserved = (int) Math.floor(capacity * Math.max(0, Math.min(1, c.appointments_urgentShare())));
        this.daysAhead = Math.max(1, c.appointments_daysAhead());
    }

    /** The slots' starts of a day. */
    private List<LocalDateTime> starts(LocalDate day) {
        List<LocalDateTime> list = new ArrayList<>();
        for (LocalTime[] h : hours) {
            for (LocalTime t = h[0]; !t.plusMinutes(slotMinutes).isAfter(h[1]); t = t.plusMinutes(slotMinutes)) {
                list.add(day.atTime(t));
            }
        }
        return list;
    }

    private static String key(long center, String window, LocalDateTime start) {
        return center + "/" + window + "/" + start;
    }

    /** The center, the window open there, and a day it serves within the booking horizon; else refused, naming why. */
    private CenterDTO served(long centerId, String window, LocalDate day) {
        CenterDTO c = network.center(centerId).orElseThrow(() -> YizhanException.badInput("centerId", "No center " + centerId,
                "中心不存在：" + centerId));
        if (window == null || !network.windowOpen(centerId, window)) {
            throw YizhanException.badInput("windowType", "No open window " + window + " at " + c.code, "该中心未开设此窗口：" + window);
        }
        LocalDate today = LocalDate.now(zone);
        if (day.isBefore(today) || day.isAfter(today.plusDays(daysAhead))) {
            throw YizhanException.rule("R26", "date", "Appointments are booked from today up to " + daysAhead + " days ahead",
                    "可预约今天起 " + daysAhead + " 天内的时段");
        }
        if (!calendars.calendarOf(centerId).isWorkingDay(day)) {
            throw YizhanException.rule("R26", "date", c.name + " does not serve on " + day + " (" + day.getDayOfWeek()
                            + "): weekend and holiday service is by appointment only on the days its calendar opens",
                    c.name + " 在 " + day + " 不办公：周末和节假日仅在中心日历公布的预约办理日可预约");
        }
        return c;
    }

    @Override
    public List<SlotDTO> slots(long centerId, String windowType, String date) {
        LocalDate day = day("date", date);
        served(centerId, windowType, day);
        LocalDateTime now = LocalDateTime.now(zone);
        return jpa.read(em -> {
            List<SlotDTO> list = new ArrayList<>();
            for (LocalDateTime start : starts(day)) {
                SlotEntity e = em.find(SlotEntity.class, key(centerId, windowType, start));
                int booked = e == null ? 0 : e.getBooked();
                int urgent = e == null ? 0 : e.getUrgentBooked();
                SlotDTO s = new SlotDTO();
                s.start = start.toString();
                s.end = start.plusMinutes(slotMinutes).toString();
                s.capacity = capacity;
                s.left = start.isBefore(now) ? 0 : capacity - booked;
                s.reservedForUrgent = Math.min(s.left, Math.max(0, reserved - urgent));
                list.add(s);
            }
            return list;
        });
    }

    private static LocalDate day(String field, String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            throw YizhanException.badInput(field, field + " is a day like 2026-12-05", "日期格式如 2026-12-05");
        }
    }

    @Override
    public AppointmentDTO book(AppointmentInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw YizhanException.badInput("centerId", "centerId, windowType, slotStart, name and phone are required",
                    "须填写中心、窗口、时段、姓名和电话");
        }
        if (in.centerId == null) {
            errors.add(new FieldError("centerId", "centerId is required", "中心不能为空"));
        }
        LocalDateTime start = null;
        if (in.slotStart == null || !START.matcher(in.slotStart.trim()).matches()) {
            errors.add(new FieldError("slotStart", "slotStart is like 2026-12-05T09:00", "预约时段格式如 2026-12-05T09:00"));
        } else {
            try {
                start = LocalDateTime.parse(in.slotStart.trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("slotStart", "slotStart is not a real date and time", "预约时段不是有效的日期时间"));
            }
        }
        String name = in.name == null ? null : in.name.strip();
        if (name == null || name.isEmpty() || name.length() > 50 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "name is required, at most 50 characters", "姓名不能为空，至多 50 个字符"));
        }
        String phone = in.phone == null ? null : in.phone.trim();
        if (phone == null || !org.yizhan.core.internal.cases.CaseValidation.PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "phone is 5 to 20 digits, spaces, +, - or ()", "电话号码格式不正确"));
        }
        if (in.itemCode != null && !in.itemCode.isBlank()
                && catalogue.item(in.itemCode.trim()).filter(i -> i.windowType.equals(in.windowType)).isEmpty()) {
            errors.add(new FieldError("itemCode", "No item " + in.itemCode + " at the " + in.windowType + " window", "该窗口无此事项"));
        }
        if (!errors.isEmpty()) {
            throw YizhanException.badInput(errors);
        }
        CenterDTO center = served(in.centerId, in.windowType, start.toLocalDate());
        LocalDateTime slot = start;
        if (!starts(slot.toLocalDate()).contains(slot)) {
            throw YizhanException.badInput("slotStart", "No slot starts at " + slot.toLocalTime() + " (slots of " + slotMinutes + " minutes)",
                    "该时间不是预约时段的开始时间");
        }
        if (slot.isBefore(LocalDateTime.now(zone))) {
            throw YizhanException.rule("R26", "slotStart", "That slot has passed", "该时段已过");
        }
        boolean urgent = Boolean.TRUE.equals(in.urgent);
        // two first bookings of a slot create its counter at once: the second, tried again, locks the first's row
        AppointmentDTO d = CaseNotes.retrying(() -> jpa.tx(em -> bookOnce(em, in, slot, name, phone, urgent)));
        LOG.info("Appointment {} booked at {} {} {}{} / 已预约", d.code, center.code, in.windowType, slot, urgent ? " (urgent)" : "");
        return d;
    }

    private AppointmentDTO bookOnce(EntityManager em, AppointmentInput in, LocalDateTime slot, String name, String phone, boolean urgent) {
        String k = key(in.centerId, in.windowType, slot);
        SlotEntity s = em.find(SlotEntity.class, k, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            s = new SlotEntity();
            s.setSlotKey(k);
            em.persist(s);
            em.flush();
        }
        int normal = s.getBooked() - s.getUrgentBooked();
        boolean full = s.getBooked() >= capacity || (!urgent && normal >= capacity - reserved);
        if (full) {
            throw YizhanException.conflict("FULL", "The slot " + slot + " is full" + (urgent ? "" : " (the rest is kept for urgent matters)"),
                    "该时段已约满" + (urgent ? "" : "（余下名额留给急件）"));
        }
        s.setBooked(s.getBooked() + 1);
        if (urgent) {
            s.setUrgentBooked(s.getUrgentBooked() + 1);
        }
        AppointmentEntity a = new AppointmentEntity();
        a.setCode(CaseNotes.lookupCode());
        a.setCenterId(in.centerId);
        a.setWindowType(in.windowType);
        a.setItemCode(in.itemCode == null || in.itemCode.isBlank() ? null : in.itemCode.trim());
        a.setOnDay(slot.toLocalDate().toString());
        a.setSlotStart(slot.toString());
        a.setSlotEnd(slot.plusMinutes(slotMinutes).toString());
        a.setUrgent(urgent);
        a.setStatus("BOOKED");
        a.setName(name);
        a.setPhone(phone);
        a.setBookedAtMillis(System.currentTimeMillis());
        em.persist(a);
        return dto(a, false);
    }

    @Override
    public AppointmentDTO cancel(String code, String phone) {
        return jpa.tx(em -> {
            AppointmentEntity a = code == null ? null : em.find(AppointmentEntity.class, code.trim().toUpperCase(java.util.Locale.ROOT));
            if (a == null || phone == null || !"BOOKED".equals(a.getStatus()) || !phone.trim().equals(a.getPhone())) {
                throw YizhanException.notFound("No booked appointment with that code and phone", "预约码或电话不正确，或预约已不可取消");
            }
            SlotEntity s = em.find(SlotEntity.class, key(a.getCenterId(), a.getWindowType(), LocalDateTime.parse(a.getSlotStart())),
                    LockModeType.PESSIMISTIC_WRITE);
            s.setBooked(s.getBooked() - 1);
            if (a.isUrgent()) {
                s.setUrgentBooked(s.getUrgentBooked() - 1);
            }
            finish(a, "CANCELLED");
            LOG.info("Appointment {} cancelled / 预约已取消", a.getCode());
            return dto(a, false);
        });
    }

    /** Over: the status, and the booker's name and phone masked for good. */
    private static void finish(AppointmentEntity a, String status) {
        a.setStatus(status);
        a.setName(IdNumbers.maskName(a.getName()));
        a.setPhone(IdNumbers.maskPhone(a.getPhone()));
    }

    @Override
    public List<AppointmentDTO> day(Caller caller, Long centerId, String date) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT, Caller.TOWN_ADMIN, Caller.COUNTY_ADMIN, Caller.SUPERVISOR)) {
            throw YizhanException.forbidden("Appointments are for the centers' staff", "预约仅限中心工作人员查看");
        }
        List<Long> centers = new ArrayList<>(Visibility.centers(network, caller, centerId == null ? caller.centerId() : centerId));
        String d = day("date", date).toString();
        return jpa.read(em -> em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.centerId IN :c AND a.onDay = :d"
                        + " ORDER BY a.slotStart, a.urgent DESC, a.bookedAtMillis", AppointmentEntity.class)
                .setParameter("c", centers).setParameter("d", d).getResultList().stream().map(a -> dto(a, true)).toList());
    }

    @Override
    public AppointmentDTO act(Caller caller, String code, String action) {
        if (!caller.hasAny(Caller.CLERK, Caller.VILLAGE_AGENT)) {
            throw YizhanException.forbidden("The window marks arrivals", "到号由窗口工作人员确认");
        }
        return jpa.tx(em -> {
            AppointmentEntity a = code == null ? null : em.find(AppointmentEntity.class, code);
            if (a == null || !network.subtree(caller.centerId()).contains(a.getCenterId())) {
                throw YizhanException.notFound("No appointment " + code, "预约不存在：" + code);
            }
            if (!"BOOKED".equals(a.getStatus())) {
                throw YizhanException.conflict(a.getStatus(), "The appointment is " + a.getStatus(), "该预约已处理：" + a.getStatus());
            }
            // the arrival's name goes to the new case the clerk takes from it; then it is masked here
            AppointmentDTO before = dto(a, true);
            finish(a, "arrive".equals(action) ? "ARRIVED" : "NO_SHOW");
            AppointmentDTO after = dto(a, true);
            if ("arrive".equals(action)) {
                after.name = before.name;
                after.phone = before.phone;
            }
            LOG.info("Appointment {}: {} by {} / 预约到号", a.getCode(), a.getStatus(), caller.user());
            return after;
        });
    }

    private static AppointmentDTO dto(AppointmentEntity a, boolean staff) {
        AppointmentDTO d = new AppointmentDTO();
        d.code = a.getCode();
        d.centerId = a.getCenterId();
        d.windowType = a.getWindowType();
        d.itemCode = a.getItemCode();
        d.slotStart = a.getSlotStart();
        d.slotEnd = a.getSlotEnd();
        d.urgent = a.isUrgent();
        d.status = a.getStatus();
        d.name = staff ? a.getName() : IdNumbers.maskName(a.getName());
        d.phone = staff ? a.getPhone() : IdNumbers.maskPhone(a.getPhone());
        return d;
    }
}
