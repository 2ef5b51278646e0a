package com.yarda.web;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.NotFound;
import com.yarda.platform.ProblemException;
import com.yarda.share.Shares;
import com.yarda.storage.ImageBlob;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sharing a design with a contractor: the owner's "share" and "stop sharing" on the design page, and what a share link
 * opens for anyone who has it, without a login ({@code /s/**}, a security chain of its own without sessions:
 * {@link WebSecurityConfiguration}). An unknown, revoked or deleted link is the ordinary 404 page.
 */
@Controller
class SharedDesignPages {

    private final Shares shares;

    SharedDesignPages(Shares shares) {
        this.shares = shares;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("design", shares.open(token));
        model.addAttribute("link", "/s/" + token);
        return "share/design";
    }

    @GetMapping("/s/{token}/image")
    ResponseEntity<byte[]> image(@PathVariable String token) {
        return unstored(shares.image(token));
    }

    @GetMapping("/s/{token}/before")
    ResponseEntity<byte[]> before(@PathVariable String token) {
        return unstored(shares.before(token));
    }

    @GetMapping("/s/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token) {
        Shares.Pdf pdf = shares.pdf(token);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .body(pdf.bytes());
    }

    /** Shares a completed design and shows its link on the design page. */
    @PostMapping("/generations/{id}/share")
    String share(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            boolean created = shares.share(user.id(), id).created();
            redirect.addFlashAttribute(
                    "shareNotice",
                    created ? "Anyone with this link can now see the design, without an account." : "Already shared.");
        } catch (NotFound notYours) {
            throw notYours;
        } catch (ProblemException notCompleted) {
            redirect.addFlashAttribute("shareError", notCompleted.getMessage());
        }
        return "redirect:/generations/" + id + "#share";
    }

    /** Stops sharing: the link answers 404 at once. */
    @PostMapping("/generations/{id}/share/stop")
    String stop(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        boolean stopped = shares.revoke(user.id(), id);
        redirect.addFlashAttribute(
                "shareNotice", stopped ? "Sharing stopped: the link no longer opens the design." : "Not shared.");
        return "redirect:/generations/" + id + "#share";
    }

    /** Pictures behind a secret link: kept by no cache, shared or private. */
    private static ResponseEntity<byte[]> unstored(ImageBlob image) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(image.bytes());
    }
}
