package org.yizhan.core.internal.people;

import java.util.List;
import java.util.Optional;

/** What the case service asks of the posts (R17): who a clerk stands in for, and whose windows are theirs now. */
public interface Posts {

    /** The A holder {@code user} acts for at this center's window: present only while A is away and user is the first present B. */
    Optional<String> actingFor(long centerId, String windowType, String user);

    /** R4: whether {@code user} is the chief representative of this center's window. */
    boolean isChief(long centerId, String windowType, String user);

    /** The windows of this center that are {@code user}'s now: held as A, or stood in for as the acting B. */
    List<String> windowsOf(long centerId, String user);

    /** [centerId, windowType] of each window of these centers that nobody of its post serves now, while the center is open. */
    List<String[]> unstaffed(java.util.Set<Long> centers);

    /** Demo mode: each demo town's windows held by clerk-Tn, with clerk-Tn-b as B, unless the town has posts. */
    void demoPosts(List<String> windowTypes);
}
