package org.yizhan.api.people;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** Appointments (R26): slots per center and window on the days the center serves, booked by the public, handled by clerks. */
@ProviderType
public interface AppointmentService {

    List<SlotDTO> slots(long centerId, String windowType, String date);

    AppointmentDTO book(AppointmentInput input);

    /** Cancels with the code and the phone it was booked with. */
    AppointmentDTO cancel(String code, String phone);

    /** A day's appointments at the caller's center (or one below it). */
    List<AppointmentDTO> day(Caller caller, Long centerId, String date);

    /** arrive or no-show. */
    AppointmentDTO act(Caller caller, String code, String action);
}
