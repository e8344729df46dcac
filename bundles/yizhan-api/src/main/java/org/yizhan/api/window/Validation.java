package org.yizhan.api.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.api.cases.ApplicantDTO;

/**
 * Runs a module's validator on an application and collects what it refuses: how the platform
 * calls validators, and how a module's own unit tests can call them with plain values.
 */
public final class Validation {

    /** One refusal: a wrong input (400) or a condition of the item not met (422). */
    public record Refusal(boolean conditionNotMet, String field, String message, String messageZh) {
        /** {@code "400 field"} or {@code "422 field"}, for tests. */
        @Override
        public String toString() {
            return (conditionNotMet ? "422 " : "400 ") + field;
        }
    }

    /** An application made of plain values. */
    public record PlainApplication(String itemCode, ApplicantDTO applicant, Optional<LocalDate> birthDate,
                                   Map<String, String> attributes, LocalDate today) implements Application {
    }

    private Validation() {
    }

    /** Everything the module refuses in this application, in the order it said so. */
    public static List<Refusal> run(WindowModule module, Application application) {
        List<Refusal> found = new ArrayList<>();
        module.validate(application, new Refusals() {
            @Override
            public void badInput(String field, String message, String messageZh) {
                found.add(new Refusal(false, field, message, messageZh));
            }

            @Override
            public void conditionNotMet(String field, String message, String messageZh) {
                found.add(new Refusal(true, field, message, messageZh));
            }
        });
        return found;
    }

    /** As {@link #run(WindowModule, Application)}, for an application with the given values. */
    public static List<Refusal> run(WindowModule module, String itemCode, LocalDate birthDate, Map<String, String> attributes,
                                    LocalDate today) {
        return run(module, new PlainApplication(itemCode, new ApplicantDTO(), Optional.ofNullable(birthDate), attributes, today));
    }
}
