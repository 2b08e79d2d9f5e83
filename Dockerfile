# syntax=docker/dockerfile:1
# Moderato's image: built from source with the JDK, run on a JRE 25 as a non-root user with a layered Spring Boot jar.
#   docker build -t moderato:0.1.0 .
# For byte-for-byte repeatable builds pin both base images by digest (FROM eclipse-temurin:25-jdk-noble@sha256:...);
# the jar itself is reproducible (project.build.outputTimestamp in pom.xml).

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /build
# dependencies first: this layer is rebuilt only when the pom changes
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/moderato-*.jar extract --layers --launcher --destination /build/extracted

FROM ${JRE_IMAGE}
LABEL org.opencontainers.image.title="moderato" \
      org.opencontainers.image.description="Event-driven comment moderation" \
      org.opencontainers.image.source="https://github.com/moderato/moderato"
RUN groupadd --system --gid 10001 moderato \
 && useradd --system --uid 10001 --gid moderato --no-create-home --shell /usr/sbin/nologin moderato
WORKDIR /app
# least to most often changed, so a code change ships as one small layer
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# the JVM sizes its heap from the container's memory limit; the rest of the limit is for metaspace, threads and buffers
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080
# exec form: the JVM is PID 1 and gets SIGTERM directly, so graceful shutdown runs; native access for lz4-java, which
# compresses the Kafka producer's batches
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher"]
