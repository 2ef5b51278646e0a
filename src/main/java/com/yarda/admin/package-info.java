/** Running the service: the operator API (users, credit adjustments, failed generations, stats) and its audit log. */
@ApplicationModule(allowedDependencies = {"account", "billing", "credits", "generation", "platform"})
@NullMarked
package com.yarda.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
