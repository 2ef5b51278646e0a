package com.yarda.upload;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.Page;
import com.yarda.storage.ImageBlob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Uploads")
@RestController
@RequestMapping("/api/uploads")
class UploadController {

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @Operation(
            summary = "Upload a photo of your yard (JPEG, PNG or WebP; at most 10 MiB and 40 megapixels)",
            description = "Verified users only (403 email_not_verified). A photo smaller than 640×480 pixels (either"
                    + " way up), too dark, overexposed, almost uniform or badly blurred is refused with 422"
                    + " validation_failed, errors [{field: file, message}] saying what to do; it is neither kept nor"
                    + " counted. At most yarda.uploads.max-per-day photos and"
                    + " yarda.uploads.max-bytes-per-day bytes (as stored) per user in any 24 hours, photos sent with"
                    + " a design included; beyond that 429 rate_limited with retry_after. A photo that no design uses"
                    + " is removed after yarda.uploads.unused-retention.")
    @ApiResponse(
            responseCode = "201",
            description = "Stored, without its metadata; use url as input_photo_url",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Upload.class)))
    @ApiResponse(responseCode = "413", description = "payload_too_large: over 10 MiB or 40 megapixels")
    @ApiResponse(
            responseCode = "415",
            description = "unsupported_media_type: not a JPEG, PNG or WebP image (judged by its bytes, not its name)")
    @ApiResponse(responseCode = "403", description = "email_not_verified: verify your email first")
    @ApiResponse(responseCode = "429", description = "rate_limited: the daily photo or byte quota is used up")
    @ApiResponse(
            responseCode = "503",
            description = "unavailable: too many photos are being processed right now (retry after the Retry-After"
                    + " seconds), the database is unreachable, or the image store cannot be written (GET /health says"
                    + " storage: down); nothing was kept or counted")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Upload> upload(
            CurrentUser user, @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        // the part is optional here so that a user who may not upload at all hears that first (403, 429)
        Upload upload = uploads.store(user.id(), "file", file == null ? null : file.getBytes());
        return ResponseEntity.created(URI.create("/api/uploads/" + upload.id())).body(upload);
    }

    @Operation(
            summary = "Your photos, newest first",
            description = "Each with used_by, the designs made from it. limit 1 to 100, offset 0 or more.")
    @GetMapping
    Page<Upload> list(
            CurrentUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @PositiveOrZero long offset) {
        return uploads.list(user.id(), limit, offset);
    }

    @Operation(
            summary = "Delete one of your photos",
            description = "Removes the photo and its image file. The designs made from it stay, with their images;"
                    + " they lose their before (GET /api/generations/{id}/before answers 404, input_photo_url becomes"
                    + " null) and can no longer be refined (409 photo_deleted). The photo still counts in the day's"
                    + " upload quota. 409 generation_in_progress while a design made from it is pending or"
                    + " processing.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "409",
            description = "generation_in_progress: a design made from this photo is still being drawn")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        uploads.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "An upload's details")
    @GetMapping("/{id}")
    Upload get(CurrentUser user, @PathVariable UUID id) {
        return uploads.get(user.id(), id);
    }

    @Operation(summary = "An upload's image (owner only)")
    @ApiResponse(
            responseCode = "200",
            description = "The photo as stored: re-encoded, without metadata",
            content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping("/{id}/image")
    ResponseEntity<byte[]> image(CurrentUser user, @PathVariable UUID id) {
        ImageBlob image = uploads.image(user.id(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.bytes());
    }
}
