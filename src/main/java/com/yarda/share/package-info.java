/**
 * Sharing a completed design with a contractor: a secret link to a read-only, printable page and its PDF, which show
 * the design and its plants but nothing of the owner.
 */
@ApplicationModule(allowedDependencies = {"designer", "generation", "platform", "site", "storage"})
@NullMarked
package com.yarda.share;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
