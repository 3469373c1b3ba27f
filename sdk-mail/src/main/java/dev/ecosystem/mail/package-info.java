/**
 * Mail adapters for the Ecosystem SDK: {@link dev.ecosystem.mail.GmailMailer}, {@link dev.ecosystem.mail.GraphMailer},
 * {@link dev.ecosystem.mail.SmtpMailer}, {@link dev.ecosystem.mail.EmlDirectoryMailer}, and the AI-assisted
 * {@link dev.ecosystem.mail.LlmIntroDrafter}. OAuth 2 access tokens come from an
 * {@link dev.ecosystem.http.AccessTokenSource} (sdk-http); waits between retries go through an injectable
 * {@link dev.ecosystem.http.Sleeper} set through the mailers' {@code http(...)} settings.
 */
@NullMarked
package dev.ecosystem.mail;

import org.jspecify.annotations.NullMarked;
