package com.yarda.share;

import com.yarda.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sharing")
@RestController
@RequestMapping("/api/generations/{id}/share")
class ShareController {

    private final Shares shares;

    ShareController(Shares shares) {
        this.shares = shares;
    }

    @Operation(
            summary = "Share one of your completed designs with a contractor",
            description = "Answers a link to a read-only page of the design (its image, the before picture, the"
                    + " style, the zone, the plants with quantities and the materials; never your email, name or"
                    + " address) that anyone with the link opens without an account, and its PDF at {url}/pdf. The"
                    + " token carries 256 random bits. Asking again answers the same link (200) until you stop"
                    + " sharing.")
    @ApiResponse(
            responseCode = "201",
            description = "A new link",
            headers = @Header(name = "Location", description = "the link's url", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ShareLink.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The design was shared already: its link, unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ShareLink.class)))
    @ApiResponse(
            responseCode = "409",
            description = "generation_not_completed: the design is pending, processing or failed; only a completed"
                    + " one can be shared")
    @PostMapping
    ResponseEntity<ShareLink> share(CurrentUser user, @PathVariable UUID id) {
        Shares.Shared shared = shares.share(user.id(), id);
        return shared.created()
                ? ResponseEntity.created(URI.create(shared.link().url())).body(shared.link())
                : ResponseEntity.ok(shared.link());
    }

    @Operation(
            summary = "Stop sharing one of your designs",
            description = "Its link answers 404 from now on. Also 204 when the design was not shared.")
    @ApiResponse(responseCode = "204", description = "Not shared (any more)")
    @DeleteMapping
    ResponseEntity<Void> stop(CurrentUser user, @PathVariable UUID id) {
        shares.revoke(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
