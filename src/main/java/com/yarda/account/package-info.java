/** Users: registration, email verification, login and the current user's profile. */
@ApplicationModule(allowedDependencies = {"credits", "mail", "platform"})
@NullMarked
package com.yarda.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
