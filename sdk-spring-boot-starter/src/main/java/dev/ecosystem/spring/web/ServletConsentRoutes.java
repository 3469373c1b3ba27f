package dev.ecosystem.spring.web;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** The consent page on Spring MVC: translates requests for {@link ConsentPageHandler} and writes its pages. */
final class ServletConsentRoutes {
    private ServletConsentRoutes() {
    }

    static RouterFunction<ServerResponse> routes(ConsentPageHandler handler) {
        return RouterFunctions.route()
                .GET(handler.path(), request -> write(handler, request,
                        handler.show(request.param("token").orElse(null), browserId(request),
                                SecurityCsrfField.of(request.servletRequest()
                                        .getAttribute(SecurityCsrfField.SERVLET_ATTRIBUTE)))))
                .POST(handler.path(), request -> write(handler, request, handler.answer(
                        request.param("token").orElse(null), request.param("nonce").orElse(null),
                        browserId(request), request.param("reason").orElse(null),
                        "true".equals(request.param("share").orElse(null)))))
                .build();
    }

    private static @Nullable String browserId(ServerRequest request) {
        Cookie cookie = request.cookies().getFirst(ConsentPageHandler.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static ServerResponse write(ConsentPageHandler handler, ServerRequest request,
            ConsentPageHandler.Page page) {
        return ServerResponse.status(page.status())
                .headers(headers -> {
                    page.headers().forEach(headers::set);
                    if (page.browserId() != null) {
                        headers.add(HttpHeaders.SET_COOKIE, handler.cookie(page.browserId(),
                                request.servletRequest().isSecure()).toString());
                    }
                })
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.html());
    }
}
