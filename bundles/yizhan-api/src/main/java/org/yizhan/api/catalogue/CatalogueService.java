package org.yizhan.api.catalogue;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The public catalogue of service items (R6, R29). */
@ProviderType
public interface CatalogueService {

    /** Items a center may accept now: its level is among the accept levels and the window is open there. */
    List<ItemDTO> itemsAt(long centerId);

    /** Every current item. */
    List<ItemDTO> items();

    /** The current version of an item. */
    Optional<ItemDTO> item(String code);

    /** One version of an item, current or not. */
    Optional<ItemDTO> item(String code, int version);

    /**
     * Publishes an item definition. A definition equal to the current version changes nothing;
     * a different one becomes a new version; open cases keep theirs (R29). Returns the version.
     */
    int publish(ItemDTO item);
}
