package com.yarda.web;

import com.yarda.export.AccountExports;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import com.yarda.platform.ProblemException;
import com.yarda.platform.RateLimited;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The homeowner's own data: their photos (shown, deleted) and the download of everything in the account. */
@Controller
class AccountDataPages {

    /** The newest photos the account page shows; the photos page has them all. */
    static final int PHOTOS_ON_ACCOUNT_PAGE = 8;

    private static final int PHOTOS_PER_PAGE = 24;

    private final Uploads uploads;
    private final AccountExports exports;

    AccountDataPages(Uploads uploads, AccountExports exports) {
        this.uploads = uploads;
        this.exports = exports;
    }

    @GetMapping("/account/photos")
    String photos(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        Page<Upload> photos = uploads.list(user.id(), PHOTOS_PER_PAGE, (long) current * PHOTOS_PER_PAGE);
        model.addAttribute("photos", photos);
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, (photos.total() + PHOTOS_PER_PAGE - 1) / PHOTOS_PER_PAGE));
        return "account/photos";
    }

    /**
     * Deletes one of the user's photos, then shows the page the form was on. Someone else's photo is a page that does
     * not exist; one that a design still being drawn needs is refused on the page.
     *
     * @param page the page of the photos page the form was on; absent for the account page
     */
    @PostMapping("/account/photos/{id}/delete")
    String deletePhoto(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            RedirectAttributes redirect) {
        String back = page == null ? "/account#photos" : "/account/photos?page=" + Math.max(0, page);
        try {
            uploads.delete(user.id(), id);
        } catch (ProblemException refused) {
            if (!"generation_in_progress".equals(refused.code())) {
                throw refused;
            }
            redirect.addFlashAttribute("photoError", refused.getMessage());
            return "redirect:" + back;
        }
        redirect.addFlashAttribute("photoNotice", "The photo was deleted. The designs made from it keep their images.");
        return "redirect:" + back;
    }

    /**
     * The ZIP file of everything in the account, as {@code GET /api/auth/me/export} answers it, for the browser's
     * session. Beyond the hourly limit the account page says so.
     */
    @GetMapping("/account/export")
    void export(CurrentUser user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String fileName;
        try {
            fileName = exports.start(user.id());
        } catch (RateLimited limited) {
            // a redirect of our own: this method writes the response itself when the export goes ahead
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("exportError", limited.getMessage());
            RequestContextUtils.saveOutputFlashMap("/account", request, response);
            response.sendRedirect("/account#your-data");
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.write(user.id(), response.getOutputStream());
    }
}
