/**
 * The site behind an address: where it is (geocoding), its USDA hardiness zone, and what it looks like from the
 * street and from above. Each outside service is a port with adapters, chosen by {@code yarda.site.*}; the
 * default is offline.
 */
@ApplicationModule(allowedDependencies = {"platform", "storage"})
@NullMarked
package com.yarda.site;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
