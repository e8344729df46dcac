package org.yizhan.api.window;

import java.time.LocalDate;
import java.util.Map;

import org.yizhan.api.cases.ApplicantDTO;

/** What a window module's validator sees of an application: read-only. */
public interface Application {

    String itemCode();

    /** The applicant, with the full ID number (validators may need the birth date in it). */
    ApplicantDTO applicant();

    /** The applicant's birth date from a resident ID number, if the applicant has one. */
    java.util.Optional<LocalDate> birthDate();

    /** The form values. */
    Map<String, String> attributes();

    /** The day the application is made, in the platform's zone. */
    LocalDate today();
}
