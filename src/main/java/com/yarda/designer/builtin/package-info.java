/** The offline designer: draws a plan of an address or re-grades a photo with Java2D, deterministically. */
@NullMarked
package com.yarda.designer.builtin;

import org.jspecify.annotations.NullMarked;
