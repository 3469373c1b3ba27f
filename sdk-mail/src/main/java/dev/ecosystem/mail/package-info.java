/**
 * Mail adapters for the Ecosystem SDK: {@link dev.ecosystem.mail.GmailMailer}, {@link dev.ecosystem.mail.GraphMailer},
 * {@link dev.ecosystem.mail.SmtpMailer}, {@link dev.ecosystem.mail.EmlDirectoryMailer}, and the AI-assisted
 * {@link dev.ecosystem.mail.LlmIntroDrafter}. OAuth 2 access tokens come from an
 * {@link dev.ecosystem.mail.AccessTokenSource}; waits between retries go through an injectable
 * {@link dev.ecosystem.mail.Sleeper}.
 */
@NullMarked
package dev.ecosystem.mail;

import org.jspecify.annotations.NullMarked;
