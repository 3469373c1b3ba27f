package dev.ecosystem.spring.web;

import static dev.ecosystem.spring.web.TestNetwork.adaAsksBob;
import static dev.ecosystem.spring.web.TestNetwork.linkToBob;
import static dev.ecosystem.spring.web.TestNetwork.sentTo;
import static dev.ecosystem.spring.web.TestNetwork.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (HtmlUnit, JavaScript off) over real HTTP: the link in the consent email opens the page, which shows
 * who asks and why; submitting its form accepts, and the joint email goes out. The used link and a forged one show the
 * error page and change nothing.
 */
@SpringBootTest(classes = TestNetwork.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentPageBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    EcosystemClient client;
    @Autowired
    InMemoryMailer mailer;

    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(false);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** The email's link, on the test server's random port. */
    private String onThisServer(String link) {
        assertThat(link).startsWith(TestNetwork.CONSENT_URL + "?token=");
        return link.replace("http://localhost/", "http://localhost:" + port + "/");
    }

    @Test
    void theEmailsLink_showsTheAsk_andTheFormAccepts() throws Exception {
        Introduction intro = adaAsksBob(client);
        String link = onThisServer(linkToBob(mailer, true));

        HtmlPage page = browser.getPage(link);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        String text = page.asNormalizedText();
        assertThat(text).contains(TestNetwork.HOSTILE_REQUESTER, TestNetwork.HOSTILE_COMPANY,
                TestNetwork.HOSTILE_REASON, "would like to be introduced to you", "You can answer until");
        assertThat(page.getElementsByTagName("script")).isEmpty();
        assertThat(page.getElementsByTagName("img")).isEmpty();
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.AWAITING_CONSENT);

        HtmlForm form = page.getForms().get(0);
        HtmlPage result = form.getButtonByName("answer").click();

        assertThat(result.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(result.asNormalizedText()).contains("You accepted");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.CONNECTED);
        client.intros().runDue(client.clock().instant());
        assertThat(sentTo(mailer, "ada@acme.io")).hasSize(1);
        assertThat(sentTo(mailer, "ada@acme.io").get(0).to()).extracting(a -> a.address())
                .contains("ada@acme.io", "bob@globex.com");

        HtmlPage replayed = browser.getPage(link);
        assertThat(replayed.getWebResponse().getStatusCode()).isEqualTo(410);
        assertThat(replayed.asNormalizedText()).contains("This link cannot be used");
        HtmlPage forged = browser.getPage(link.substring(0, link.length() - 4) + "AAAA");
        assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(forged.asNormalizedText()).contains("This link cannot be used");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.CONNECTED);
        client.intros().runDue(client.clock().instant());
        assertThat(sentTo(mailer, "ada@acme.io")).hasSize(1);
    }

    @Test
    void theDeclineLink_showsAReasonField_andDeclines() throws Exception {
        Introduction intro = adaAsksBob(client);
        HtmlPage page = browser.getPage(onThisServer(linkToBob(mailer, false)));
        HtmlForm form = page.getForms().get(0);
        form.getTextAreaByName("reason").setText("Not this quarter");
        form.getInputByName("share").setChecked(true);

        HtmlPage result = form.getButtonByName("answer").click();

        assertThat(result.asNormalizedText()).contains("You declined");
        assertThat(status(client, intro)).isEqualTo(IntroductionStatus.DECLINED);
    }
}
