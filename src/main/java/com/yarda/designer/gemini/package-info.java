/** The designer that asks a Gemini image model through Google's {@code generateContent} REST API. */
@NullMarked
package com.yarda.designer.gemini;

import org.jspecify.annotations.NullMarked;
