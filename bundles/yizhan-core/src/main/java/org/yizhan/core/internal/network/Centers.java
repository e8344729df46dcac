package org.yizhan.core.internal.network;

import java.util.List;

import org.yizhan.api.Level;
import org.yizhan.api.network.CenterDTO;

/** What the platform itself (its start, the accounts) needs of the network beyond the public service. */
public interface Centers {

    /** What a center code may be: letters, digits, dash and underscore, up to 32. */
    java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /** Every center, closed ones too. */
    List<CenterDTO> allCenters();

    /** Creates a center from the platform itself (demo data, first start); the same checks as an administrator's. */
    CenterDTO createCenter(long id, String code, String name, String nameEn, Level level, Long parentId, String actor);
}
