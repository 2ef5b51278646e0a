package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BillingAndAdminBrowserTests extends BrowserTest {

    @Autowired
    Credits credits;

    @Test
    void aUserWithoutCreditsBuysTokensInTestModeAndDesignsWithThem() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TRIAL, -3);
        logIn(user);

        page.getByLabel("Street address of the home").fill("20 Token Terrace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();
        page.locator("#problem-credits")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Buy tokens"))
                .click();

        page.waitForURL("**/buy-tokens");
        assertThat(page.getByText("no payment provider is configured")).isVisible();
        screenshot("20-buy-tokens");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy 10 tokens"))
                .click();

        assertThat(page.getByText("Test mode — no real payment.")).isVisible();
        assertThat(page.getByText("$10.00")).isVisible();
        screenshot("21-test-checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete test purchase"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you!")))
                .isVisible();
        assertThat(page.locator("#new-balance")).hasText("10 credits");
        assertThat(page.locator(".credits-badge")).containsText("10");
        screenshot("22-purchase-done");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Design my yard"))
                .click();

        page.getByLabel("Street address of the home").fill("20 Token Terrace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();
        assertThat(page.getByText("Your design is ready.")).isVisible();
        assertThat(page.locator("section[aria-labelledby=details-title] .facts"))
                .containsText("Token");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Account").setExact(true))
                .click();
        assertThat(page.locator("#purchases")).containsText("paid");
        assertThat(page.locator("#purchases")).containsText("$10.00");
        assertLedgerMatchesBalances();
    }

    @Test
    void anAdminGrantsTokensWithAReasonAndTheAuditLogShowsIt() {
        TestUser customer = verifiedUser();
        TestUser admin = adminUser();
        logIn(admin);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Operations")))
                .isVisible();
        screenshot("23-admin");
        page.getByLabel("Find a user by email").fill(customer.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(customer.email()))
                .click();

        page.getByLabel("Credit type").selectOption("token");
        page.getByLabel("Amount (negative to deduct)").fill("5");
        page.getByLabel("Reason (recorded in the audit log)").fill("Sorry for the outage on Monday");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record adjustment"))
                .click();

        assertThat(page.getByText("Adjustment recorded.")).isVisible();
        assertThat(page.locator("#ledger")).containsText("adjustment");
        assertThat(page.locator("#audit")).containsText("Sorry for the outage on Monday");
        screenshot("24-admin-user");

        page.getByLabel("Amount (negative to deduct)").fill("-50");
        page.getByLabel("Reason (recorded in the audit log)").fill("Too much");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record adjustment"))
                .click();
        assertThat(page.locator(".notice.error")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .first()
                .click();
        assertThat(page.locator("#audit")).containsText("Sorry for the outage on Monday");
        assertThat(page.locator("#audit")).containsText(admin.email());
        assertThat((Integer) api(customer.token()).get("/api/credits/balance").path("token_balance"))
                .isEqualTo(5);
        assertLedgerMatchesBalances();
    }

    @Test
    void adminPagesDoNotExistForOtherUsers() {
        TestUser user = verifiedUser();
        logIn(user);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin")))
                .hasCount(0);
        for (String path : List.of("/admin", "/admin/users", "/admin/audit", "/admin/users/" + user.id())) {
            assertThat(page.navigate(path).status()).as(path).isEqualTo(404);
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("We could not find that page")))
                    .isVisible();
        }
    }
}
