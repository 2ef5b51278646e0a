package com.yarda.generation;

import com.yarda.designer.Design;
import com.yarda.designer.DesignFailed;
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
import java.util.Collections;
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
    private final GenerationRepository repository;

    Drafting(Uploads uploads, Sites sites, ImageStore images, DesignParts parts, GenerationRepository repository) {
        this.uploads = uploads;
        this.sites = sites;
        this.images = images;
        this.parts = parts;
        this.repository = repository;
    }

    /** The request for {@code g}, with the site pictures stored under keys added to {@code stored}. */
    Drafted draft(GenerationRow g, List<String> stored) {
        DesignRequest.Photo photo = null;
        if (g.inputUploadId() != null) {
            Upload upload = uploads.get(g.userId(), g.inputUploadId());
            ImageBlob blob = uploads.image(g.userId(), g.inputUploadId());
            photo = new DesignRequest.Photo(blob.bytes(), blob.contentType(), upload.width(), upload.height());
        }
        GenerationRow parent = g.parentId() == null ? null : parent(g);
        // a refinement keeps the site of the design it refines; a first design resolves it
        SiteSurvey survey = parent != null && parent.siteJson() != null
                ? keptSite(parent)
                : g.inputAddress() == null ? null : sites.survey(g.inputAddress());
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
                survey == null ? List.of() : survey.images(),
                parent == null ? null : refinement(g, parent));
        return new Drafted(request, site, street, overhead);
    }

    /**
     * The design {@code g} refines. It cannot be deleted while a refinement of it is unfinished; if its image is gone
     * all the same, there is nothing to refine and the refinement fails (with its refund).
     */
    private GenerationRow parent(GenerationRow g) {
        return repository
                .find(g.parentId())
                .filter(row -> row.outputImageKey() != null)
                .orElseThrow(() -> new DesignFailed(
                        "The design to refine is no longer there, so it could not be refined.", false));
    }

    /** The site the refined design was drawn for, with its pictures read back for the designer. */
    private SiteSurvey keptSite(GenerationRow parent) {
        List<SiteImage> pictures = new ArrayList<>();
        String[] keys = {parent.streetImageKey(), parent.overheadImageKey()};
        SiteImage.View[] views = {SiteImage.View.STREET, SiteImage.View.SATELLITE};
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                SiteImage.View view = views[i];
                images.read(keys[i])
                        .ifPresent(blob -> pictures.add(new SiteImage(
                                view, blob.bytes(), blob.contentType(), "As fetched for the version it refines")));
            }
        }
        return new SiteSurvey(parts.site(parent.siteJson()), pictures);
    }

    /** The design {@code g} refines and the feedback along its lineage, oldest first, {@code g}'s own last. */
    private DesignRequest.Refinement refinement(GenerationRow g, GenerationRow parent) {
        List<String> feedback = new ArrayList<>();
        feedback.add(g.feedback());
        GenerationRow ancestor = parent;
        // a deleted ancestor kept no feedback: the lineage's other wishes still apply
        while (ancestor != null) {
            if (ancestor.feedback() != null) {
                feedback.add(ancestor.feedback());
            }
            ancestor = ancestor.parentId() == null
                    ? null
                    : repository.find(ancestor.parentId()).orElse(null);
        }
        Collections.reverse(feedback);
        ImageBlob image = images.read(parent.outputImageKey())
                .orElseThrow(() -> new DesignFailed(
                        "The design to refine is no longer there, so it could not be refined.", false));
        return new DesignRequest.Refinement(feedback, image.bytes(), image.contentType(), parent.style());
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
                    parts.write(materials),
                    parts.write(design.notes()));
        }
    }
}
