/** The browser app: server-rendered pages and htmx fragments over the same facades the API uses. */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "admin",
            "apikey",
            "billing",
            "credits",
            "designer",
            "export",
            "generation",
            "platform",
            "share",
            "site",
            "storage",
            "upload",
            "webhook"
        })
@NullMarked
package com.yarda.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
