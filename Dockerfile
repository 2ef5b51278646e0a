# The Yarda service as a container image (docs/deploy.md). Build the jar first: ./mvnw -B package -DskipTests
FROM eclipse-temurin:25-jre AS layers
WORKDIR /build
COPY target/yarda-*.jar yarda.jar
# Spring Boot's layers: dependencies change less often than the application, so rebuilt images share them
RUN java -Djarmode=tools -jar yarda.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
# curl for the health checks of docs/deploy.md's Compose example
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin yarda \
    && mkdir -p /app/yarda-data \
    && chown yarda /app/yarda-data
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# nothing here needs root (an embedded PostgreSQL least of all)
USER yarda
ENV YARDA_DATA_DIR=/app/yarda-data
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
