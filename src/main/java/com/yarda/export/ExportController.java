package com.yarda.export;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts")
@RestController
class ExportController {

    static final String ZIP = "application/zip";

    private final AccountExports exports;

    ExportController(AccountExports exports) {
        this.exports = exports;
    }

    @Operation(
            summary = "Download all your data as one ZIP file",
            description = "account.json (GET /api/auth/me with email_verified_at), ledger.json, purchases.json,"
                    + " designs.json, comparisons.json and uploads.json, each as the API shows its items, newest first,"
                    + " and every image: images/designs/{id}.{ext} (the design), {id}-before.{ext} and"
                    + " {id}-overhead.{ext} (the site's pictures), images/uploads/{id}.{ext} (your photos). Streamed as"
                    + " it is read. At most yarda.exports.max-per-hour per user in any hour (429 rate_limited).")
    @ApiResponse(
            responseCode = "200",
            description = "The ZIP file",
            headers =
                    @Header(
                            name = HttpHeaders.CONTENT_DISPOSITION,
                            description = "attachment; filename=\"yarda-export-<date>.zip\"",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "429", description = "rate_limited: too many exports in the last hour")
    @GetMapping("/api/auth/me/export")
    void export(CurrentUser user, HttpServletResponse response) throws IOException {
        String fileName = exports.start(user.id());
        response.setContentType(ZIP);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.write(user.id(), response.getOutputStream());
    }
}
