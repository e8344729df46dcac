package org.yizhan.core.internal.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/** Identity document numbers: validation (GB 11643-1999 for resident IDs) and masking. */
public final class IdNumbers {

    public static final Set<String> ID_TYPES = Set.of("RESIDENT_ID", "PASSPORT", "HK_MACAO_PASS", "TAIWAN_PASS", "USCC", "OTHER");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Why an 18-character resident ID number is invalid, or null when it is valid: 17 digits, a
     * real birth date, and the check character.
     */
    public static String residentIdProblem(String id) {
        if (id == null || id.length() != 18) {
            return "length";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return "digits";
            }
        }
        char last = Character.toUpperCase(id.charAt(17));
        if (!(Character.isDigit(last) || last == 'X')) {
            return "digits";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now().plusDays(1))) {
                return "birthdate";
            }
        } catch (DateTimeException e) {
            return "birthdate";
        }
        return checkDigit(id) == last ? null : "check";
    }

    /** Masks an ID number for display: the first 3 and last 4 characters stay (e.g. 110***********123X). */
    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() <= 4) {
            return "*".repeat(id.length());
        }
        int keepHead = id.length() >= 10 ? 3 : 1;
        int keepTail = id.length() >= 10 ? 4 : 2;
        return id.substring(0, keepHead) + "*".repeat(id.length() - keepHead - keepTail) + id.substring(id.length() - keepTail);
    }

    /** Masks a person's name for the public: the family name stays (张**). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, rest));
    }

    /** Masks a phone number: 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
