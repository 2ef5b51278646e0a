/**
 * Image blobs: uploads checked, decoded and stripped of metadata before they are kept, and a store that keeps them
 * on the filesystem now (S3 later).
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package com.yarda.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
