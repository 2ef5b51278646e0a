/**
 * Image blobs: uploads checked, decoded and stripped of metadata before they are kept, and a store that keeps them
 * on the filesystem or in an S3-compatible bucket.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package com.yarda.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
