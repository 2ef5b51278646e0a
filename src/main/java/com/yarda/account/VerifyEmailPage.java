package com.yarda.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page the verification email links to; it posts the token to the API and shows the outcome. */
@Controller
class VerifyEmailPage {

    @GetMapping("/verify-email")
    String page() {
        return "forward:/verify-email.html";
    }
}
