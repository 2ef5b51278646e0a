package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.yarda.test.Mailbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions of two browsers: what one does with the password or "Log out everywhere" ends the other's at once. */
class AccountSecurityBrowserTests extends BrowserTest {

    @Test
    void aForgottenPasswordIsResetByEmailAndTheOldSessionEnds() {
        TestUser user = verifiedUser();
        logIn(user);
        try (BrowserContext other = secondBrowser()) {
            Page phone = other.newPage();
            phone.navigate("/login");
            phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
                    .click();
            phone.getByLabel("Email").fill(user.email());
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link"))
                    .click();
            assertThat(phone.locator("#reset-sent")).containsText("a link to choose a new password is on its way");

            phone.navigate("/reset-password?token=" + Mailbox.linkToken(user.email(), 1, "/reset-password"));
            phone.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill("password");
            phone.getByLabel("Repeat the new password").fill("password");
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the new password"))
                    .click();
            assertThat(phone.locator(".field.has-error .field-error"))
                    .hasText("Is too easy to guess: this is a top-10 common password.");
            screenshot(phone, "40-reset-password-refused");
            phone.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill("a fresh garden path");
            phone.getByLabel("Repeat the new password").fill("a fresh garden path");
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the new password"))
                    .click();
            phone.waitForURL("**/login?password-reset");
            assertThat(phone.locator("#password-reset")).containsText("Log in with your new password");
        }

        page.navigate("/account");
        page.waitForURL("**/login?ended");
        assertThat(page.locator("#session-ended")).containsText("You were logged out on this device");
        screenshot("41-session-ended");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill("a fresh garden path");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/account");
    }

    @Test
    void loggingOutEverywhereInOneBrowserEndsTheOther() {
        TestUser user = verifiedUser();
        logIn(user);
        try (BrowserContext other = secondBrowser()) {
            Page laptop = other.newPage();
            laptop.navigate("/login");
            laptop.getByLabel("Email").fill(user.email());
            laptop.getByLabel("Password").fill(PASSWORD);
            laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            laptop.waitForURL("**/generate");

            page.navigate("/account");
            screenshot("42-account-security", page.locator("#security"));
            screenshot("40-account-desktop");
            page.setViewportSize(390, 844);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out everywhere")))
                    .isVisible();
            screenshot("43-account-phone");
            page.setViewportSize(1280, 900);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out everywhere"))
                    .click();
            page.waitForURL("**/login?everywhere");
            assertThat(page.locator("#logged-out-everywhere")).isVisible();

            laptop.navigate("/history");
            laptop.waitForURL("**/login?ended");
            assertThat(laptop.locator("#session-ended")).isVisible();
        }
    }

    /** Another browser (cookies of its own), as a client of its own behind the tests' proxy. */
    private BrowserContext secondBrowser() {
        BrowserContext other = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://127.0.0.1:" + port)
                        .setViewportSize(1280, 900));
        other.setDefaultTimeout(15_000);
        other.setExtraHTTPHeaders(Map.of("X-Forwarded-For", newClientAddress()));
        return other;
    }
}
