/**
 * Exporting an account: everything Yarda keeps of a user, as the API shows it and with every image, in one ZIP file
 * streamed to them.
 */
@ApplicationModule(
        allowedDependencies = {"account", "billing", "credits", "generation", "platform", "site", "storage", "upload"})
@NullMarked
package com.yarda.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
