package org.yizhan.core.internal.stats;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

/**
 * The counts e-supervision's rates (R20) and the assessments (R28) are made of, one grouped
 * statement each, per deciding center and window: cases accepted, decided and decided on time;
 * ratings and the satisfied ones; bad ratings and those rectified in time; upheld complaints.
 * Also the rectifications and complaints near or past their due dates.
 */
public final class Tallies {

    /** Ratings that are not bad (非常满意, 满意, 基本满意). */
    private static final String SATISFIED = "('VERY_SATISFIED','SATISFIED','BASICALLY_SATISFIED')";
    /** Rectifications and complaints still being worked on. */
    public static final List<String> OPEN_RECTIFICATIONS = List.of("OPEN", "VERIFIED", "RECTIFIED", "VISITED", "APPEALED");
    public static final List<String> OPEN_COMPLAINTS = List.of("RECEIVED", "REFERRED");

    private Tallies() {
    }

    /** One row of a grouped count: the center, the window (null: none named) and the counts in the statement's order. */
    public record Row(long centerId, String windowType, long[] counts) {
    }

    private static String in(Collection<Long> centers) {
        // longs only, nothing a caller typed: with parameters Derby cannot see how wide the list is
        return centers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Cases accepted in [from, to] (epoch milliseconds): accepted, decided, decided on time. */
    public static List<Row> cases(EntityManager em, long fromMillis, long toMillis, Collection<Long> centers) {
        // Derby reads the covering index YZ_CASE_RATES for this (8 s at 1M cases with parameters, see SupervisionIT)
        String sql = "SELECT DECIDINGCENTERID, WINDOWTYPE, COUNT(*), SUM(CASE WHEN DECIDEDATMILLIS IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN ONTIME = ?1 THEN 1 ELSE 0 END) FROM YZ_CASE"
                + " WHERE ACCEPTEDATMILLIS BETWEEN " + fromMillis + " AND " + toMillis
                + (centers == null ? "" : " AND DECIDINGCENTERID IN (" + in(centers) + ")")
                + " GROUP BY DECIDINGCENTERID, WINDOWTYPE ORDER BY DECIDINGCENTERID, WINDOWTYPE";
        return rows(em.createNativeQuery(sql).setParameter(1, Boolean.TRUE).getResultList());
    }

    /** Ratings given in [from, to] (days) that count (not annulled by an upheld appeal): all, satisfied. */
    public static List<Row> ratings(EntityManager em, String from, String to, Collection<Long> centers) {
        String sql = "SELECT DECIDINGCENTERID, WINDOWTYPE, COUNT(*), SUM(CASE WHEN RATINGLEVEL IN " + SATISFIED + " THEN 1 ELSE 0 END)"
                + " FROM YZ_RATING WHERE RATEDDAY BETWEEN ?1 AND ?2 AND ANNULLED = ?3"
                + (centers == null ? "" : " AND DECIDINGCENTERID IN (" + in(centers) + ")")
                + " GROUP BY DECIDINGCENTERID, WINDOWTYPE";
        return rows(em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).setParameter(3, Boolean.FALSE).getResultList());
    }

    /** Bad ratings of [from, to] (the day the rectification opened) that stand: all, closed by their due date. */
    public static List<Row> rectifications(EntityManager em, String from, String to) {
        String sql = "SELECT DECIDINGCENTERID, WINDOWTYPE, COUNT(*),"
                + " SUM(CASE WHEN STATUS = 'CLOSED' AND CLOSEDDAY <= DUEDATE THEN 1 ELSE 0 END)"
                + " FROM YZ_RECTIFICATION WHERE OPENEDDAY BETWEEN ?1 AND ?2 AND STATUS <> 'ANNULLED'"
                + " GROUP BY DECIDINGCENTERID, WINDOWTYPE";
        return rows(em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList());
    }

    /** Complaints answered in [from, to] and found justified, per center and window (null: the center as a whole). */
    public static List<Row> upheldComplaints(EntityManager em, String from, String to) {
        String sql = "SELECT CENTERID, WINDOWTYPE, COUNT(*) FROM YZ_COMPLAINT WHERE ANSWEREDDAY BETWEEN ?1 AND ?2 AND UPHELD = ?3"
                + " GROUP BY CENTERID, WINDOWTYPE";
        return rows(em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).setParameter(3, Boolean.TRUE).getResultList());
    }

    /** [red, yellow]: rectifications at these deciding centers past or near their due date on {@code today}. */
    public static long[] rectificationAlerts(EntityManager em, Collection<Long> centers, String today) {
        return alerts(em, "YZ_RECTIFICATION", "DECIDINGCENTERID", OPEN_RECTIFICATIONS, centers, today);
    }

    /** [red, yellow]: complaints about these centers past or near their answer's due date on {@code today}. */
    public static long[] complaintAlerts(EntityManager em, Collection<Long> centers, String today) {
        return alerts(em, "YZ_COMPLAINT", "CENTERID", OPEN_COMPLAINTS, centers, today);
    }

    private static long[] alerts(EntityManager em, String table, String centerColumn, List<String> open, Collection<Long> centers,
                                 String today) {
        if (centers.isEmpty()) {
            return new long[] {0, 0};
        }
        String statuses = open.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
        Object[] row = (Object[]) em.createNativeQuery("SELECT SUM(CASE WHEN DUEDATE < ?1 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN DUEDATE >= ?1 AND YELLOWDATE <= ?1 THEN 1 ELSE 0 END) FROM " + table
                        + " WHERE STATUS IN (" + statuses + ") AND " + centerColumn + " IN (" + in(centers) + ")")
                .setParameter(1, today).getSingleResult();
        return new long[] {number(row[0]), number(row[1])};
    }

    /** The alert level of something due on {@code due} that turns yellow on {@code yellow}: RED past it, YELLOW from yellow on. */
    public static String level(String today, String yellow, String due) {
        if (today.compareTo(due) > 0) {
            return "RED";
        }
        return today.compareTo(yellow) >= 0 ? "YELLOW" : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> {
            long[] counts = new long[r.length - 2];
            for (int i = 2; i < r.length; i++) {
                counts[i - 2] = number(r[i]);
            }
            return new Row(((Number) r[0]).longValue(), (String) r[1], counts);
        }).toList();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
