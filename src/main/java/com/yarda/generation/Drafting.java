package com.yarda.generation;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Material;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.site.Site;
import com.yarda.site.SiteImage;
import com.yarda.site.SiteSurvey;
import com.yarda.site.Sites;
import com.yarda.storage.ImageBlob;
import com.yarda.storage.ImageStore;
import com.yarda.storage.StoredImage;
import com.yarda.upload.Upload;
import com.yarda.upload.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything a designer needs for one generation, gathered by the worker outside any transaction: the photo, and
 * for an address the site (where it is, its zone, pictures of it). The site never fails a design: what cannot be
 * learned is left out.
 */
@Component
class Drafting {

    private static final Logger log = LoggerFactory.getLogger(Drafting.class);

    private final Uploads uploads;
    private final Sites sites;
    private final ImageStore images;
    private final DesignParts parts;

    Drafting(Uploads uploads, Sites sites, ImageStore images, DesignParts parts) {
        this.uploads = uploads;
        this.sites = sites;
        this.images = images;
        this.parts = parts;
    }

    /** The request for {@code g}, with the site pictures stored under keys added to {@code stored}. */
    Drafted draft(GenerationRow g, List<String> stored) {
        DesignRequest.Photo photo = null;
        if (g.inputUploadId() != null) {
            Upload upload = uploads.get(g.userId(), g.inputUploadId());
            ImageBlob blob = uploads.image(g.userId(), g.inputUploadId());
            photo = new DesignRequest.Photo(blob.bytes(), blob.contentType(), upload.width(), upload.height());
        }
        SiteSurvey survey = g.inputAddress() == null ? null : sites.survey(g.inputAddress());
        String street = null;
        String overhead = null;
        if (survey != null) {
            for (SiteImage picture : survey.images()) {
                String key = keep(g.id(), picture, stored);
                if (picture.view() == SiteImage.View.STREET) {
                    street = key;
                } else {
                    overhead = key;
                }
            }
        }
        Site site = survey == null ? null : survey.site();
        DesignRequest request = new DesignRequest(
                g.id(),
                g.style(),
                g.inputAddress(),
                photo,
                g.customPrompt(),
                site == null ? null : site.hardinessZone(),
                survey == null ? List.of() : survey.images());
        return new Drafted(request, site, street, overhead);
    }

    /** Stores a picture of the site as a "before"; one that cannot be stored is left out, not fatal. */
    private @Nullable String keep(UUID generationId, SiteImage picture, List<String> stored) {
        try {
            StoredImage image = images.store(picture.bytes(), picture.contentType());
            stored.add(image.key());
            return image.key();
        } catch (RuntimeException e) {
            log.warn(
                    "Generation {}: the {} picture of the site could not be stored; the design goes on without it: {}",
                    generationId,
                    picture.view().value(),
                    e.getMessage());
            return null;
        }
    }

    /** A request ready for the designer, and what to record with the design it draws. */
    final class Drafted {

        private final DesignRequest request;
        private final @Nullable Site site;
        private final @Nullable String streetImageKey;
        private final @Nullable String overheadImageKey;

        private Drafted(
                DesignRequest request,
                @Nullable Site site,
                @Nullable String streetImageKey,
                @Nullable String overheadImageKey) {
            this.request = request;
            this.site = site;
            this.streetImageKey = streetImageKey;
            this.overheadImageKey = overheadImageKey;
        }

        DesignRequest request() {
            return request;
        }

        /**
         * The completed generation's record. A designer that could not tell what its design is made of leaves the
         * palette it was given, without quantities (never invented ones), and the style's materials.
         */
        GenerationQueue.Outcome outcome(StoredImage image, Design design, String designer) {
            List<PlacedPlant> plants = design.plants();
            if (plants.isEmpty()) {
                List<Plant> palette = request.palette();
                plants = new ArrayList<>();
                for (int i = 0; i < palette.size(); i++) {
                    plants.add(new PlacedPlant(i + 1, palette.get(i), null));
                }
            }
            List<Material> materials =
                    design.materials().isEmpty() ? request.style().materials() : design.materials();
            return new GenerationQueue.Outcome(
                    image.key(),
                    image.contentType(),
                    design.prompt(),
                    designer,
                    site == null ? null : parts.write(site),
                    streetImageKey,
                    overheadImageKey,
                    parts.write(plants),
                    parts.write(materials));
        }
    }
}
