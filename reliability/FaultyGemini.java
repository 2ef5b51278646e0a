import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A local stand-in for Gemini's generateContent REST API that fails on purpose: each call for a design, by a
 * seeded random draw, answers 500, 429, or only after a long delay (longer than the service's timeout), or succeeds
 * with a small PNG in Gemini's wire format. A call for the plant list of a drawn design (a request with a
 * {@code responseSchema}) never fails: it answers, after the same latency, that the image shows three of the first
 * plant the schema allows. Binds 127.0.0.1 only.
 *
 * <pre>java FaultyGemini.java PORT [--fault-rate 0.3] [--seed 6] [--slow-ms 3000] [--latency-ms 0]</pre>
 *
 * The faults are split equally between 500, 429 and slow. {@code --latency-ms} delays every successful answer (a
 * designer that takes time, like the real one). {@code GET /stats} returns the counts so far: {@code requests} are
 * the calls for designs, {@code plant_lists} the calls for plant lists.
 */
public class FaultyGemini {

    private static final Pattern GENERATE = Pattern.compile("/v1beta/models/[A-Za-z0-9._-]+:generateContent");

    private static final Pattern FIRST_PLANT = Pattern.compile("\"enum\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");

    private static final AtomicLong requests = new AtomicLong();
    private static final AtomicLong plantLists = new AtomicLong();
    private static final AtomicLong ok = new AtomicLong();
    private static final AtomicLong serverErrors = new AtomicLong();
    private static final AtomicLong tooManyRequests = new AtomicLong();
    private static final AtomicLong slow = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java FaultyGemini.java PORT [--fault-rate 0.3] [--seed 6] [--slow-ms 3000]"
                    + " [--latency-ms 0]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        double faultRate = 0.3;
        long seed = 6;
        long slowMs = 3000;
        long latencyMs = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--fault-rate" -> faultRate = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--slow-ms" -> slowMs = Long.parseLong(args[i + 1]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        String answer = answer(png());
        double rate = faultRate;
        long slowFor = slowMs;
        long latency = latencyMs;

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/stats", exchange -> send(exchange, 200, stats()));
        server.createContext("/v1beta/models/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestMethod().equals("POST")
                    || !GENERATE.matcher(exchange.getRequestURI().getPath()).matches()) {
                send(exchange, 404, error(404, "NOT_FOUND", "no such method"));
                return;
            }
            if (exchange.getRequestHeaders().getFirst("x-goog-api-key") == null) {
                send(exchange, 403, error(403, "PERMISSION_DENIED", "missing API key"));
                return;
            }
            if (body.contains("\"responseSchema\"")) {
                sleep(latency);
                plantLists.incrementAndGet();
                send(exchange, 200, plantList(body));
                return;
            }
            requests.incrementAndGet();
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < rate / 3) {
                serverErrors.incrementAndGet();
                send(exchange, 500, error(500, "INTERNAL", "injected failure"));
            } else if (draw < 2 * rate / 3) {
                tooManyRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "0");
                send(exchange, 429, error(429, "RESOURCE_EXHAUSTED", "injected rate limit"));
            } else if (draw < rate) {
                slow.incrementAndGet();
                sleep(slowFor);
                send(exchange, 200, answer); // too late: the caller has given up by now
            } else {
                sleep(latency);
                ok.incrementAndGet();
                send(exchange, 200, answer);
            }
        });
        server.start();
        System.out.printf(
                "FaultyGemini listening on 127.0.0.1:%d (fault rate %.2f, seed %d, slow %d ms, latency %d ms)%n",
                port, faultRate, seed, slowMs, latencyMs);
    }

    private static String stats() {
        return "{\"requests\":%d,\"ok\":%d,\"error_500\":%d,\"error_429\":%d,\"slow\":%d,\"plant_lists\":%d}"
                .formatted(
                        requests.get(),
                        ok.get(),
                        serverErrors.get(),
                        tooManyRequests.get(),
                        slow.get(),
                        plantLists.get());
    }

    private static String plantList(String request) {
        var first = FIRST_PLANT.matcher(request);
        String list = first.find() ? "[{\\\"botanical_name\\\":\\\"" + first.group(1) + "\\\",\\\"quantity\\\":3}]" : "[]";
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + list + "\"}]},\"finishReason\":\"STOP\"}]}";
    }

    private static String answer(byte[] png) {
        return """
                {"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"image/png","data":"%s"}}]},\
                "finishReason":"STOP"}]}"""
                .formatted(Base64.getEncoder().encodeToString(png));
    }

    private static String error(int code, String status, String message) {
        return "{\"error\":{\"code\":%d,\"message\":\"%s\",\"status\":\"%s\"}}".formatted(code, message, status);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(60, 140, 60));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(new Color(200, 180, 120));
        graphics.fillRect(8, 30, 48, 10);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the caller gave up (a timed-out call); nothing to answer
        }
    }
}
