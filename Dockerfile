# The Yarda service as a container image (docs/deploy.md). Build the jar first: ./mvnw -B package -DskipTests
# It runs as README's "Running in production" says: the extracted jar, the production JVM flags and the JDK's AOT
# cache, written by a training run while the image is built (same JDK, same flags, same class path as at run time).
FROM eclipse-temurin:25-jre AS layers
WORKDIR /build
COPY target/yarda-*.jar yarda.jar
# Spring Boot's layers: dependencies change less often than the application, so rebuilt images share them. The
# AOT cache needs the extracted form run with java -jar (not the launcher).
RUN java -Djarmode=tools -jar yarda.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
# curl for the health checks of docs/deploy.md's Compose example
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin yarda \
    && mkdir -p /app/yarda-data /app/aot \
    && chown yarda /app/yarda-data /app/aot
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# nothing here needs root (an embedded PostgreSQL least of all)
USER yarda
ENV YARDA_DATA_DIR=/app/yarda-data
# the service and its embedded PostgreSQL in 512 MiB (docs/performance.md, "Footprint"); the training run below
# uses the same flags, so the cache matches them
ENV JAVA_TOOL_OPTIONS="-Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=192m"
# the training run: starts the service on a throw-away data directory and stops once its context is refreshed,
# writing aot/yarda.aot; it halts the JVM without shutdown hooks, so its embedded PostgreSQL is stopped here
RUN java -XX:AOTCacheOutput=aot/yarda.aot -Dspring.context.exit=onRefresh -jar yarda.jar \
        --server.port=0 --yarda.data-dir=/tmp/aot-training \
    && kill "$(head -1 /tmp/aot-training/postgres/postmaster.pid)" \
    && rm -rf /tmp/aot-training
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=aot/yarda.aot", "-jar", "yarda.jar"]
