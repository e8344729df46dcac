package org.yizhan.api.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** The centers of the county (R1) and the windows each one opens (R2, R3). */
@ProviderType
public interface NetworkService {

    List<CenterDTO> centers();

    Optional<CenterDTO> center(long id);

    Optional<CenterDTO> centerByCode(String code);

    /** The center and every center below it. */
    Set<Long> subtree(long centerId);

    /** The ancestor of {@code centerId} (or itself) at the given level, if any. */
    Optional<CenterDTO> ancestorAt(long centerId, org.yizhan.api.Level level);

    /** Windows at a center: every known window type with its state there. */
    List<WindowDTO> windows(long centerId);

    /** Switches a window on or off at a center (town-admin of that center or county-admin). */
    WindowDTO setWindowEnabled(Caller caller, long centerId, String type, boolean enabled);

    /** True when the window is on at that center and its module is available. */
    boolean windowOpen(long centerId, String type);

    /** The center a staff member belongs to, if they are assigned to one. */
    Optional<Long> staffCenter(String user);

    /** Creates a center under the right parent (R1); county-admin. */
    CenterDTO createCenter(Caller caller, CenterInput input);

    /** Renames a center (name, nameEn); county-admin. */
    CenterDTO updateCenter(Caller caller, long id, CenterInput input);

    /** Closes a center with no open cases and no open centers below it (else 422); county-admin. */
    CenterDTO closeCenter(Caller caller, long id);

    /**
     * Imports a whole network from CSV ({@code code,name,nameEn,level,parentCode}, UTF-8, header
     * row): all or nothing; an {@link ImportException} lists every bad line. County-admin.
     */
    ImportResultDTO importCenters(Caller caller, String csv);
}
