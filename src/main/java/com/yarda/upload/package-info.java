/** Photos that homeowners upload: validated, stripped of metadata, stored, and visible only to their owner. */
@NullMarked
package com.yarda.upload;

import org.jspecify.annotations.NullMarked;
