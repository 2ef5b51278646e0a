package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Refine a design into versions, and compare styles side by side, as a homeowner does it in the browser. */
class RefineCompareBrowserTests extends BrowserTest {

    @Test
    void aDesignIsRefinedWithFeedbackAndItsVersionsShowAsATimeline() {
        TestUser user = verifiedUser();
        String first = completedDesign(user, "31 Version Avenue, Eugene OR");
        logIn(user);
        page.navigate("/generations/" + first);

        Locator refine = page.locator("#refine");
        assertThat(refine).containsText("Refine this design");
        // an example adds its wish to the box; the homeowner writes the rest
        refine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("less lawn"))
                .click();
        Locator feedback = page.getByLabel("What should change?");
        assertThat(feedback).hasValue("less lawn");
        feedback.fill("less lawn, more privacy from the street");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refine · 1 credit"))
                .click();

        page.waitForURL(Pattern.compile(".*/generations/(?!" + first + ")[0-9a-f-]{36}$"));
        assertThat(page.getByText("Your design is ready.")).isVisible();
        assertThat(page.locator("#feedback")).containsText("less lawn, more privacy from the street");
        // the builtin designer says what it applied
        assertThat(page.locator("#designer-notes")).containsText("lawn");
        Locator versions = page.locator("#versions .timeline-item");
        assertThat(versions).hasCount(2);
        assertThat(versions.nth(0)).containsText("First design");
        assertThat(versions.nth(1)).hasAttribute("aria-current", "page");
        assertThat(versions.nth(1)).containsText("less lawn, more privacy from the street");
        page.waitForFunction("() => [...document.querySelectorAll('#versions img')].every(i => i.naturalWidth > 0)");
        screenshot("25-refine-timeline", page.locator("#versions"));
        screenshot("25a-refined-design", page.locator("#progress .result"));

        // the first version is one click away, and still there
        versions.nth(0).getByRole(AriaRole.LINK).click();
        page.waitForURL("**/generations/" + first);
        assertThat(page.locator("#versions .timeline-item").nth(0)).hasAttribute("aria-current", "page");
    }

    @Test
    void threeStylesAreComparedSideBySideAtTheSameSize() {
        TestUser user = verifiedUser();
        logIn(user);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare 2 or 3 styles side by side"))
                .click();
        page.waitForURL("**/compare");
        page.getByLabel("Street address of the home").fill("32 Side By Side Street, Eugene OR");
        Locator button = page.locator("#generate-button");
        assertThat(button).hasText("Create 2 designs · 2 credits");
        page.locator("label.style-option", new Page.LocatorOptions().setHasText("English Garden"))
                .click();
        assertThat(button).hasText("Create 3 designs · 3 credits");
        // a fourth cannot be picked
        assertThat(page.locator("label.style-option", new Page.LocatorOptions().setHasText("Mediterranean"))
                        .locator("input"))
                .isDisabled();
        button.click();

        page.waitForURL(Pattern.compile(".*/comparisons/[0-9a-f-]{36}$"));
        assertThat(page.getByText("Every design is finished.")).isVisible();
        Locator designs = page.locator(".comparison-item");
        assertThat(designs).hasCount(3);
        for (int i = 0; i < 3; i++) {
            assertThat(designs.nth(i)).hasAttribute("data-status", "completed");
            assertThat(designs.nth(i).locator(".plant-count")).containsText("plants");
        }
        page.waitForFunction(
                "() => [...document.querySelectorAll('.comparison-item img')].every(i => i.naturalWidth > 0)");
        BoundingBox one = designs.nth(0).locator("img").boundingBox();
        BoundingBox two = designs.nth(1).locator("img").boundingBox();
        BoundingBox three = designs.nth(2).locator("img").boundingBox();
        // side by side, the same size
        assertThat(one.y).isEqualTo(two.y).isEqualTo(three.y);
        assertThat(one.width).isEqualTo(two.width).isEqualTo(three.width);
        assertThat(one.height).isEqualTo(two.height).isEqualTo(three.height);
        assertThat(page.locator(".credits-badge")).containsText("0");
        screenshot("26-compare-styles");
    }
}
