package org.yizhan.api.people;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** Posts (R17), presence and the whereabouts board (R18), duty rosters (R25). */
@ProviderType
public interface PeopleService {

    /** A center's posts; staff of that center and their admins. */
    List<PostDTO> posts(Caller caller, long centerId);

    /** Replaces a center's posts; its town admin or a county admin. */
    List<PostDTO> setPosts(Caller caller, long centerId, List<PostDTO> posts);

    /** Sets one's own presence. */
    PresenceDTO setPresence(Caller caller, PresenceInput input);

    PresenceDTO presence(Caller caller);

    /** The public board of a center. */
    BoardDTO board(long centerId);

    /** R11, R16: a referral slip to another window (here or at another center), recorded in the caller's center's ledger. */
    ReferralDTO refer(Caller caller, ReferralInput input);

    /** A village room's duty roster from {@code from} to {@code to} (days, inclusive). */
    List<RosterDayDTO> roster(Caller caller, long centerId, String from, String to);

    /** Sets the named days of a village room's roster (a blank name clears the day); its town's admin or the room's agent. */
    List<RosterDayDTO> setRoster(Caller caller, long centerId, List<RosterDayDTO> days);
}
