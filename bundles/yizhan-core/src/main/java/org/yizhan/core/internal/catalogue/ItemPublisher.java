package org.yizhan.core.internal.catalogue;

import org.yizhan.api.catalogue.ItemDTO;

/** Publishes an item a window module brings, naming the module as the source of the version. */
public interface ItemPublisher {

    /** The version the item has after publication (a new one only when something changed). */
    int publish(ItemDTO item, String source);
}
