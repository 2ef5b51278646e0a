/** Users: registration, email verification, login and the current user's profile. */
@NullMarked
package com.yarda.account;

import org.jspecify.annotations.NullMarked;
