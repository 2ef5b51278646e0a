/** The text prompt both designers record with a design, and the homeowner's instructions as they go into it. */
@NullMarked
package com.yarda.designer.prompt;

import org.jspecify.annotations.NullMarked;
