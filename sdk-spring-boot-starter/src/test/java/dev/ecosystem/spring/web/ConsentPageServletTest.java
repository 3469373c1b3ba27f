package dev.ecosystem.spring.web;

import static dev.ecosystem.spring.web.TestNetwork.adaAsksBob;
import static dev.ecosystem.spring.web.TestNetwork.linkToBob;
import static dev.ecosystem.spring.web.TestNetwork.sentTo;
import static dev.ecosystem.spring.web.TestNetwork.status;
import static dev.ecosystem.spring.web.TestNetwork.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The consent page on Spring MVC: what GET shows and how, what POST takes, and what it refuses. */
@SpringBootTest(classes = TestNetwork.App.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ConsentPageServletTest {
    private static final String PATH = "/ecosystem/consent";
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    EcosystemClient client;
    @Autowired
    InMemoryMailer mailer;

    /** A form as a browser holds it after GET: the nonce in the page, the browser id in the cookie. */
    record Form(String token, String nonce, Cookie cookie) {
    }

    private Form open(String token) throws Exception {
        MvcResult page = mvc.perform(get(PATH).param("token", token)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        Matcher nonce = NONCE.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(nonce.find()).isTrue();
        Cookie cookie = page.getResponse().getCookie(ConsentPageHandler.COOKIE);
        assertThat(cookie).isNotNull();
        return new Form(token, nonce.group(1), cookie);
    }

    private MvcResult submit(Form form) throws Exception {
        return mvc.perform(post(PATH).param("token", form.token).param("nonce", form.nonce).cookie(form.cookie))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void get_showsWhoAsksWhyAndUntilWhen_everyValueEscaped() throws Exception {
        Introduction intro = adaAsksBob(client);
        MvcResult page = mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true)))).andReturn();
        String html = body(page);

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(html).contains("Ada &quot;&lt;b onmouseover=alert(1)&gt;Lovelace&lt;/b&gt;&quot;",
                "Acme &lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt; &amp; Sons",
                "&lt;img src=x onerror=alert(&#39;reason&#39;)&gt;", "Head of &lt;i&gt;Partnerships&lt;/i&gt;",
                "Hello Bob Ødegård", "Globex Billing", "Yes, introduce us");
        assertThat(html).doesNotContain("<script", "<img", "<b ", "<i>");
        assertThat(html).containsPattern("You can answer until \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    @Test
    void everyPage_hasTheStrictHeaders_andTheCspHashMatchesTheOnlyStyle() throws Exception {
        adaAsksBob(client);
        for (MvcResult page : new MvcResult[] {
                mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true)))).andReturn(),
                mvc.perform(get(PATH).param("token", "garbage")).andReturn(),
                mvc.perform(post(PATH).param("token", "garbage")).andReturn()}) {
            String csp = page.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).startsWith("default-src 'none'; ").contains("form-action 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline", "script-src");
            assertThat(page.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            Matcher style = STYLE.matcher(body(page));
            assertThat(style.find()).isTrue();
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(csp).contains("style-src 'sha256-" + hash + "'");
            assertThat(style.find()).as("a single style block").isFalse();
        }
    }

    @Test
    void get_setsAStrictCookie_andNeverAnswers() throws Exception {
        Introduction intro = adaAsksBob(client);
        MvcResult page = mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true)))).andReturn();

        String setCookie = page.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).contains(ConsentPageHandler.COOKIE + "=", "Path=" + PATH, "HttpOnly",
                "SameSite=Strict");
        mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true))));
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    @Test
    void post_withTheFormsNonceAndCookie_accepts_andTheJointEmailIsSent() throws Exception {
        Introduction intro = adaAsksBob(client);
        MvcResult result = submit(open(tokenOf(linkToBob(mailer, true))));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result)).contains("You accepted", "the introduction email is on its way");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.CONNECTED);
        client.intros().runDue(client.clock().instant());
        assertThat(sentTo(mailer, "ada@acme.io")).hasSize(1);
    }

    @Test
    void post_decline_takesTheReasonAndTheShareChoice() throws Exception {
        Introduction intro = adaAsksBob(client);
        Form form = open(tokenOf(linkToBob(mailer, false)));
        MvcResult result = mvc.perform(post(PATH).param("token", form.token).param("nonce", form.nonce)
                .param("reason", "Not this quarter").param("share", "true").cookie(form.cookie)).andReturn();

        assertThat(body(result)).contains("You declined");
        Introduction declined = client.as(TestNetwork.GLOBEX).intros().get(intro.id());
        assertThat(declined.status()).isEqualTo(IntroductionStatus.DECLINED);
        assertThat(declined.consent(IntroParty.TARGET).reason()).isEqualTo("Not this quarter");
        assertThat(declined.consent(IntroParty.TARGET).reasonShared()).isTrue();
    }

    @Test
    void doublePost_theSecondIsRefusedWithTheGenericPage_andChangesNothing() throws Exception {
        Introduction intro = adaAsksBob(client);
        Form form = open(tokenOf(linkToBob(mailer, true)));
        submit(form);
        client.intros().runDue(client.clock().instant());
        Introduction after = client.as(TestNetwork.ACME).intros().get(intro.id());

        MvcResult again = submit(form);

        assertThat(again.getResponse().getStatus()).isEqualTo(410);
        assertThat(body(again)).isEqualTo(ConsentPages.refused());
        client.intros().runDue(client.clock().instant());
        assertThat(client.as(TestNetwork.ACME).intros().get(intro.id())).isEqualTo(after);
        assertThat(sentTo(mailer, "ada@acme.io")).hasSize(1);
    }

    @Test
    void post_withoutAValidNonceForThisTokenAndBrowser_isRefused() throws Exception {
        Introduction intro = adaAsksBob(client);
        Form accept = open(tokenOf(linkToBob(mailer, true)));
        Form decline = open(tokenOf(linkToBob(mailer, false)));
        Cookie otherBrowser = new Cookie(ConsentPageHandler.COOKIE, FormNonces.newBrowserId());
        String[] parts = accept.nonce.split("\\.");
        String tamperedTime = (Long.parseLong(parts[0]) + 1) + "." + parts[1];

        MvcResult[] refused = {
                mvc.perform(post(PATH).param("token", accept.token).cookie(accept.cookie)).andReturn(),
                mvc.perform(post(PATH).param("token", accept.token).param("nonce", accept.nonce)).andReturn(),
                mvc.perform(post(PATH).param("token", accept.token).param("nonce", accept.nonce)
                        .cookie(otherBrowser)).andReturn(),
                mvc.perform(post(PATH).param("token", accept.token).param("nonce", decline.nonce)
                        .cookie(decline.cookie)).andReturn(),
                mvc.perform(post(PATH).param("token", accept.token).param("nonce", tamperedTime)
                        .cookie(accept.cookie)).andReturn()};

        for (MvcResult result : refused) {
            assertThat(result.getResponse().getStatus()).isEqualTo(403);
            assertThat(body(result)).contains("Please open the link again");
        }
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(submit(accept).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void underSpringSecurity_theFormAlsoCarriesItsCsrfToken() throws Exception {
        adaAsksBob(client);
        MvcResult page = mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true)))
                .requestAttr(SecurityCsrfField.SERVLET_ATTRIBUTE, new FakeCsrfToken("t\"<x>"))).andReturn();

        assertThat(body(page)).contains("<input type=\"hidden\" name=\"_csrf\" value=\"t&quot;&lt;x&gt;\">");
        assertThat(body(mvc.perform(get(PATH).param("token", tokenOf(linkToBob(mailer, true)))).andReturn()))
                .doesNotContain("_csrf");
    }

    @Test
    void badLinks_getOneGenericPage_withTheRightStatus_revealingNothing() throws Exception {
        Introduction intro = adaAsksBob(client);
        String real = tokenOf(linkToBob(mailer, true));
        Introduction stored = client.as(TestNetwork.ACME).intros().get(intro.id());
        ConsentTokens.Claim claim = new ConsentTokens.Claim(TestNetwork.ACME, intro.id(), IntroParty.TARGET,
                ConsentStatus.ACCEPTED, stored.consent(IntroParty.TARGET).tokenId(), intro.expiresAt());
        String forged = new ConsentTokens(ConsentKeys.of("k1", TestNetwork.secret((byte) 9)), "x").issue(claim);
        String unknown = new ConsentTokens(ConsentKeys.of("k1", TestNetwork.SECRET), "x").issue(new ConsentTokens
                .Claim(TestNetwork.ACME, IntroductionId.of("nope"), IntroParty.TARGET, ConsentStatus.ACCEPTED,
                claim.tokenId(), intro.expiresAt()));

        assertRefused(get(PATH), 400);
        assertRefused(get(PATH).param("token", "garbage"), 400);
        assertRefused(get(PATH).param("token", real.substring(0, real.length() - 2)), 400);
        assertRefused(get(PATH).param("token", forged), 400);
        assertRefused(get(PATH).param("token", unknown), 404);
        client.as(TestNetwork.ACME).intros().cancel(intro.id(), "withdrawn");
        assertRefused(get(PATH).param("token", real), 410);
    }

    private void assertRefused(org.springframework.test.web.servlet.RequestBuilder request, int status)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(body(result)).isEqualTo(ConsentPages.refused());
        assertThat(result.getResponse().getCookie(ConsentPageHandler.COOKIE)).isNull();
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
    }
}
