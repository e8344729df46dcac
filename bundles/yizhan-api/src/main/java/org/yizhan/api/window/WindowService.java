package org.yizhan.api.window;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The installed window modules, as the platform sees them. */
@ProviderType
public interface WindowService {

    /** Installed modules: id, bundle, version, window types, item codes. */
    List<ModuleDTO> modules();

    /** The application form of an item (empty when its module declares none or is not installed). */
    List<FormFieldDTO> form(String itemCode);
}
