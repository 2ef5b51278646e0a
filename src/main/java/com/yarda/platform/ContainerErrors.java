package com.yarda.platform;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Some requests Tomcat answers itself, before any servlet or error page sees them: its connector refuses a path
 * with an encoded slash, backslash or NUL with 400, and the host's error report valve writes the answer. Under
 * {@code /api} that answer is problem+json like every other; elsewhere it stays Tomcat's bare page (no report, no
 * server version, as Spring Boot configures it).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    /**
     * Replaces the error report valve Spring Boot puts on the host. Ordered last, so that its context customizer runs
     * after Boot's, which adds the valve this one replaces.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve(json));
            // the host adds a valve of this class when it starts unless one is there: it is
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final JsonMapper json;

        ProblemReportValve(JsonMapper json) {
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, @Nullable Throwable throwable) {
            if (!ApiRequests.matches(request)) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            // what ErrorReportValve itself requires: an error, nothing written yet, not answered before
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            String detail = code.is5xxServerError()
                    ? "Something went wrong on our side."
                    : HttpStatus.resolve(status) instanceof HttpStatus known ? known.getReasonPhrase() : "Error";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(Problems.of(code, Problems.codeFor(code), detail)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing left to answer
            }
        }
    }
}
