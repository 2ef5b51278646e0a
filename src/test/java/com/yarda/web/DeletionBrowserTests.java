package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A homeowner deletes a design, then the whole account, in a real browser. */
class DeletionBrowserTests extends BrowserTest {

    @Test
    void deleteADesignThenTheAccount() {
        TestUser user = verifiedUser();
        logIn(user);
        page.navigate("/generate");
        page.getByLabel("Street address of the home").fill("77 Forget Me Lane, Portland OR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();
        assertThat(page.getByText("Your design is ready.")).isVisible();

        Page.GetByRoleOptions deleteForGood = new Page.GetByRoleOptions().setName("Delete for good");
        // nothing is deleted by a single click: the button is behind a disclosure
        assertThat(page.getByRole(AriaRole.BUTTON, deleteForGood)).isHidden();
        page.getByText("Delete this design…").click();
        screenshot("13-delete-design");
        page.getByRole(AriaRole.BUTTON, deleteForGood).click();

        page.waitForURL("**/history");
        assertThat(page.locator("#notice")).containsText("The design was deleted");
        assertThat(page.getByText("77 Forget Me Lane")).hasCount(0);

        page.navigate("/account");
        page.getByText("Delete my account…").click();
        page.getByLabel("Your password, to confirm").fill("not my password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account and everything in it"))
                .click();
        assertThat(page.locator("#delete-error")).containsText("That is not your password");
        page.getByLabel("Your password, to confirm").fill(PASSWORD);
        screenshot("14-delete-account");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account and everything in it"))
                .click();

        assertThat(page.locator("#notice")).containsText("Your account was deleted");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create my free account")))
                .isVisible();
        page.navigate("/history");
        page.waitForURL("**/login");
    }
}
