/** The browser app: server-rendered pages and htmx fragments over the same facades the API uses. */
@NullMarked
package com.yarda.web;

import org.jspecify.annotations.NullMarked;
