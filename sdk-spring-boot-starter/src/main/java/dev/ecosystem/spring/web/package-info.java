/**
 * The starter's web part: the consent page (GET shows what a consent link asks, POST answers it) and the HubSpot
 * webhook endpoint, each for Spring MVC and WebFlux, whichever the application runs on. The page and the endpoint
 * share their logic across both stacks ({@link dev.ecosystem.spring.web.ConsentPageHandler},
 * {@link dev.ecosystem.spring.web.HubSpotWebhookHandler}); the stack-specific classes only translate requests.
 */
@NullMarked
package dev.ecosystem.spring.web;

import org.jspecify.annotations.NullMarked;
