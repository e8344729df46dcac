package org.yizhan.api.feedback;

/** A due date on a center's working-day calendar; {@code estimated} when the calendar does not cover it. */
public class DueDateDTO {
    public String dueDate;
    public boolean estimated;

    public DueDateDTO() {
    }

    public DueDateDTO(String dueDate, boolean estimated) {
        this.dueDate = dueDate;
        this.estimated = estimated;
    }
}
