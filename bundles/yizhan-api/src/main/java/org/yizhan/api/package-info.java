/**
 * Yizhan's public contract: platform services and the DTOs they speak.
 * Entities never leave yizhan-core; everything crossing a bundle boundary is here.
 */
@Export
@Version("0.5.0")
package org.yizhan.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
