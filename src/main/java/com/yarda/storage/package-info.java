/**
 * Image blobs: uploads checked, decoded and stripped of metadata before they are kept, and a store that keeps them
 * on the filesystem now (S3 later).
 */
@NullMarked
package com.yarda.storage;

import org.jspecify.annotations.NullMarked;
