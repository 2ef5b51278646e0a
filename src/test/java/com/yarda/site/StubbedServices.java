package com.yarda.site;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/** A local HTTP server that speaks the site services' wire formats (../shared/SITE-APIS.md), one per test class. */
abstract class StubbedServices {

    static final String KEY = "site-key-7c2e9b";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Short, so that the timeout cases take seconds and not the real 15 s; long enough for a loaded machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    static URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    static SiteHttp http() {
        return new SiteHttp(Duration.ofSeconds(2), TIMEOUT);
    }

    static SiteProperties.Google google() {
        return new SiteProperties.Google(base(), KEY);
    }

    /** A picture with something in it: a roof on a lawn. */
    static byte[] photo(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(70, 130, 60));
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(150, 60, 50));
        g.fillRect(16, 12, 32, 20);
        g.dispose();
        return encode(image, format);
    }

    /** One flat grey, as a service sends for "no picture here". */
    static byte[] blank() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(228, 227, 223));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        return encode(image, "png");
    }

    /** Fully transparent, as NAIP answers where it has no coverage. */
    static byte[] transparent() {
        return encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
