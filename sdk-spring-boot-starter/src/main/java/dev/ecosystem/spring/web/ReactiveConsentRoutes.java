package dev.ecosystem.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The consent page on WebFlux: translates requests for {@link ConsentPageHandler} and writes its pages. The handler
 * reads and writes the store, so it runs on the bounded elastic scheduler, never on an event-loop thread.
 */
final class ReactiveConsentRoutes {
    private ReactiveConsentRoutes() {
    }

    static RouterFunction<ServerResponse> routes(ConsentPageHandler handler) {
        return RouterFunctions.route()
                .GET(handler.path(), request -> securityCsrf(request).map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(csrf -> write(handler, request, () -> handler.show(
                                request.queryParam("token").orElse(null), browserId(request), csrf.orElse(null)))))
                .POST(handler.path(), request -> request.formData().flatMap(form -> write(handler, request,
                        () -> handler.answer(form.getFirst("token"), form.getFirst("nonce"), browserId(request),
                                form.getFirst("reason"), "true".equals(form.getFirst("share"))))))
                .build();
    }

    /** Spring Security's CSRF token, when the host runs it: its exchange attribute is a {@code Mono} of it. */
    private static Mono<SecurityCsrfField> securityCsrf(ServerRequest request) {
        Object token = request.exchange().getAttributes().get(SecurityCsrfField.REACTIVE_ATTRIBUTE);
        if (token instanceof Mono<?> mono) {
            return mono.mapNotNull(SecurityCsrfField::of);
        }
        return Mono.justOrEmpty(SecurityCsrfField.of(token));
    }

    private static @Nullable String browserId(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = request.cookies();
        HttpCookie cookie = cookies.getFirst(ConsentPageHandler.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static Mono<ServerResponse> write(ConsentPageHandler handler, ServerRequest request,
            Supplier<ConsentPageHandler.Page> work) {
        return Mono.fromSupplier(work).subscribeOn(Schedulers.boundedElastic())
                .flatMap(page -> {
                    ServerResponse.BodyBuilder response = ServerResponse.status(page.status())
                            .headers(headers -> page.headers().forEach(headers::set));
                    if (page.browserId() != null) {
                        response.cookie(handler.cookie(page.browserId(),
                                "https".equalsIgnoreCase(request.uri().getScheme())));
                    }
                    return response
                            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                            .bodyValue(page.html());
                });
    }
}
