package org.yizhan.api.feedback;

import org.osgi.annotation.versioning.ProviderType;

/** Quarterly and yearly assessments (R28), published to everyone. */
@ProviderType
public interface AssessmentService {

    /** {@code period}: 2026-Q4 or 2026; a period that has ended is computed once and then frozen. */
    AssessmentDTO assessment(String period);

    /** The same as CSV (UTF-8, a header row, windows then centers). */
    String csv(String period);
}
