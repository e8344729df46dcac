package org.yizhan.api.people;

import java.util.ArrayList;
import java.util.List;

/** A center's whereabouts board (R18): each window, who holds it, who is away and where until when. */
public class BoardDTO {
    public long centerId;
    public String centerName;
    public List<Window> windows = new ArrayList<>();
    /** A village room: who of the village committee is on duty today (R25). */
    public String onDuty;

    public static class Window {
        public String windowType;
        public String windowName;
        public PresenceDTO a;
        public List<PresenceDTO> b = new ArrayList<>();
        /** Who serves the window now: A when present, else the first present B; null when nobody is there. */
        public String servedBy;
        public boolean staffed;
    }
}
