/**
 * API keys: long-lived bearer credentials ({@code yk_…}) a user makes for their integrations, kept only as a keyed
 * hash and looked up on every request that carries one.
 */
@ApplicationModule(allowedDependencies = {"account", "platform"})
@NullMarked
package com.yarda.apikey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
