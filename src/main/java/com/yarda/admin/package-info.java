/** Running the service: the operator API (users, credit adjustments, failed generations, stats) and its audit log. */
@NullMarked
package com.yarda.admin;

import org.jspecify.annotations.NullMarked;
