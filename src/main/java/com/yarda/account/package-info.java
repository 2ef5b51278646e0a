/**
 * Users: registration, email verification, login, forgotten and changed passwords, changes of email, ending every
 * session at once, and suspensions.
 */
@ApplicationModule(allowedDependencies = {"credits", "mail", "platform"})
@NullMarked
package com.yarda.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
