/**
 * The window-module SPI: a window bundle registers one {@link org.yizhan.api.window.WindowModule}
 * service; the platform binds every module as a whiteboard, dynamically.
 */
@Export
@Version("0.2.0")
package org.yizhan.api.window;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
