package dev.ecosystem.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The HubSpot webhook endpoint on Spring MVC: hands {@link HubSpotWebhookHandler} the request as received. */
final class ServletHubSpotWebhookRoutes {
    private ServletHubSpotWebhookRoutes() {
    }

    static RouterFunction<ServerResponse> routes(HubSpotWebhookHandler handler) {
        return RouterFunctions.route()
                .POST(handler.path(), request -> {
                    HttpServletRequest servlet = request.servletRequest();
                    byte[] body = servlet.getInputStream().readAllBytes();
                    int status = handler.handle(servlet.getMethod(), servlet.getRequestURL().toString(),
                            servlet.getQueryString(), body, servlet::getHeader);
                    return ServerResponse.status(status).build();
                })
                .build();
    }
}
