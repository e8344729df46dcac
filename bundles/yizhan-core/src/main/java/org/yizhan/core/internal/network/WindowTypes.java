package org.yizhan.core.internal.network;

import java.util.Optional;

import org.yizhan.api.network.WindowTypeDTO;

/** The window types the installed modules bring, and the switches the platform presets. */
public interface WindowTypes {

    Optional<WindowTypeDTO> windowType(String type);

    /**
     * Registers or updates a window type; {@code available} says whether its module is installed
     * on this node. Whether a window takes cases is this node's own fact (its module answers the
     * window's forms here), never written for the other nodes sharing the database: a node that
     * stops, starts or is upgraded changes nothing for them.
     */
    void registerWindowType(WindowTypeDTO type, boolean available);

    /** At start, before modules bind: nothing is available on this node until its module says so. */
    void markAllWindowTypesUnavailable();

    /** This node's module of the type arrived or left. */
    void setWindowTypeAvailable(String type, boolean available);

    /** Sets a window's switch at a center unless someone already set it (demo data); the type need not be installed yet. */
    void presetWindow(long centerId, String type, boolean enabled);
}
