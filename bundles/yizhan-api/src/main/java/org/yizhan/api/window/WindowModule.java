package org.yizhan.api.window;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.WindowTypeDTO;

/**
 * A window module: one line of business (or several standard windows that share a module),
 * its service items, their forms and the rules a generic form cannot express. Register one as
 * an OSGi service; the platform picks it up while running and lets go of it when it leaves.
 * Case form values are stored generically, so a module needs no tables of its own.
 */
@ConsumerType
public interface WindowModule {

    /** The module's id, e.g. {@code civil-affairs}. */
    String id();

    /** The window types this module serves (usually one). */
    List<WindowTypeDTO> windowTypes();

    /**
     * The module's service items. Each carries its definition version implicitly: when a new
     * module version changes an item, the catalogue records a new item version (R29).
     */
    List<ItemDTO> items();

    /** The application form of one of the module's items. */
    default List<FormFieldDTO> formFields(String itemCode) {
        return List.of();
    }

    /** Checks an application for one of the module's items; report each problem to {@code refusals}. */
    default void validate(Application application, Refusals refusals) {
    }
}
