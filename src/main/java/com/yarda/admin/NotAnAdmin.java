package com.yarda.admin;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Someone who is not an admin asked for an operator address: it answers like an address that does not exist. */
final class NotAnAdmin extends ProblemException {

    NotAnAdmin() {
        super(HttpStatus.NOT_FOUND, "not_found", "Not Found", "There is nothing at this address.");
    }
}
