package org.yizhan.api.supervision;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** E-supervision (R20): alerts raised and cleared by a scheduler, and rates per window and center. */
@ProviderType
public interface SupervisionService {

    /** Open alerts at the caller's centers (and below); filters may be null. */
    AlertPageDTO alerts(Caller caller, Long center, String level, String window, int page, int size);

    /** Rates per deciding center and window for cases accepted from {@code from} to {@code to} (inclusive). */
    List<RateDTO> rates(Caller caller, LocalDate from, LocalDate to, Long center);

    /** Runs the incremental scan now (the scheduler runs one every few minutes). */
    ScanDTO scan();

    /** Runs a scan now; {@code full}: every case from its dates (the scheduler does this once a day). */
    ScanDTO scan(boolean full);
}
