/** Turns a photo or an address and a style into a landscape design image: the port and its adapters. */
@ApplicationModule(allowedDependencies = {"platform", "site", "storage"})
@NullMarked
package com.yarda.designer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
