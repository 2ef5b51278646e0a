/** Photos that homeowners upload: validated, stripped of metadata, stored, and visible only to their owner. */
@ApplicationModule(allowedDependencies = {"account", "platform", "storage"})
@NullMarked
package com.yarda.upload;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
