/**
 * The Spring Boot example: the SDK through {@code sdk-spring-boot-starter}, on an H2 file, an {@code .eml} directory
 * mailer and the sample network. Run it with {@code ./mvnw -q -Pspring-example -pl examples -am package}.
 */
@NullMarked
package dev.ecosystem.examples.spring;

import org.jspecify.annotations.NullMarked;
