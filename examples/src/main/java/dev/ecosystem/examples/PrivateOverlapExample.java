package dev.ecosystem.examples;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.io.CrmFiles;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.psi.PsiMode;
import dev.ecosystem.psi.PsiOptions;
import dev.ecosystem.psi.PsiOutput;
import dev.ecosystem.psi.PsiResult;
import dev.ecosystem.psi.PsiSession;
import dev.ecosystem.psi.PsiSets;
import dev.ecosystem.spi.CrmConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Private account mapping between two deployments that trust no one: each party runs its own SDK over its own CRM,
 * and they compute their population matrix by private set intersection, exchanging only blinded messages as files
 * in a shared directory (an offline exchange; HTTP or a queue work the same way). Neither learns the other's
 * accounts; in this counts-only run neither even learns which of its own accounts overlap.
 *
 * <p>Run it with
 * {@code ./mvnw -q -Pquickstart -pl examples -am package -DskipTests -Dquickstart.main=dev.ecosystem.examples.PrivateOverlapExample}.
 */
public final class PrivateOverlapExample {
    static final CompanyId MAILCADENCE = CompanyId.of("co-0001");
    static final CompanyId LEDGERLINE = CompanyId.of("co-0002");
    private static final Duration WAIT = Duration.ofMinutes(2);

    private PrivateOverlapExample() {
    }

    /** What each party learned. */
    record Outcome(PopulationMatrix mailcadenceView, PopulationMatrix ledgerlineView, long bytesExchanged) {
    }

    /** Runs both parties in a fresh temporary directory and prints both matrices. */
    public static void main(String[] args) throws IOException {
        Path exchange = Files.createTempDirectory("psi-exchange");
        Outcome outcome = run(exchange);
        System.out.println("Mailcadence (co-0001) learned, without seeing Ledgerline's accounts:");
        System.out.println(outcome.mailcadenceView().render());
        System.out.println("Ledgerline (co-0002) learned:");
        System.out.println(outcome.ledgerlineView().render());
        System.out.printf("%,d bytes exchanged through %s%n", outcome.bytesExchanged(), exchange);
    }

    /** Both parties, each in its own thread with its own SDK, exchanging messages as files in {@code exchange}. */
    static Outcome run(Path exchange) {
        PsiOptions options = PsiOptions.builder().mode(PsiMode.CARDINALITY).output(PsiOutput.BOTH)
                .paddingBucket(256).build();
        CompletableFuture<PsiSession> mailcadence = CompletableFuture.supplyAsync(() -> {
            PsiSession session = PsiSession.initiator(options, keysOf(MAILCADENCE, "co-0001"));
            exchangeFiles(session, exchange, "mailcadence", "ledgerline", true);
            return session;
        });
        CompletableFuture<PsiSession> ledgerline = CompletableFuture.supplyAsync(() -> {
            PsiSession session = PsiSession.responder(options, keysOf(LEDGERLINE, "co-0002"));
            exchangeFiles(session, exchange, "ledgerline", "mailcadence", false);
            return session;
        });
        try {
            PsiSession a = mailcadence.get();
            PsiSession b = ledgerline.get();
            PsiResult fromA = a.result();
            PsiResult fromB = b.result();
            return new Outcome(fromA.matrix(LEDGERLINE), fromB.matrix(MAILCADENCE), a.bytesSent() + b.bytesSent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the parties ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a party failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** One deployment: its own client over its own CRM, synced, giving its registrable-domain keys. */
    static PsiSets keysOf(CompanyId company, String sample) {
        InMemoryCrm crm = InMemoryCrm.of(company,
                Quickstart.readSample("crm/" + sample + "/accounts.csv", in -> CrmFiles.readAccounts(company, in)),
                Quickstart.readSample("crm/" + sample + "/deals.csv", in -> CrmFiles.readDeals(company, in)));
        EcosystemClient client = EcosystemClient.builder().crm(CrmConnections.of(crm)).build();
        // Each deployment knows its own profile; the sample network files hold both companies' profiles and their
        // people (loaded too: a profile names its intake contact, which must be one of its stored contacts).
        Quickstart.sampleNetwork().storeInto(client.store());
        client.as(company).overlaps().syncCrm();
        return PsiSets.fromOverlaps(client.as(company));
    }

    /**
     * Messages are numbered in the order they are sent ({@code 0.psi}, {@code 1.psi}, ...); the initiator sends the
     * even ones. Each is written to a temporary name and then atomically renamed, so the reader never sees half a
     * file.
     */
    private static void exchangeFiles(PsiSession session, Path exchange, String me, String other, boolean starts) {
        int next = 0;
        if (starts) {
            write(exchange, next++, session.firstMessage(), me);
        }
        while (!session.isDone()) {
            byte[] received = await(exchange, next++, other);
            Optional<byte[]> reply = session.receive(received);
            if (reply.isPresent()) {
                write(exchange, next++, reply.get(), me);
            }
        }
    }

    private static void write(Path exchange, int number, byte[] message, String from) {
        try {
            Path partial = Files.createTempFile(exchange, from + "-", ".partial");
            Files.write(partial, message);
            Files.move(partial, exchange.resolve(number + ".psi"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write message " + number + " from " + from, e);
        }
    }

    private static byte[] await(Path exchange, int number, String from) {
        Path file = exchange.resolve(number + ".psi");
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (!Files.exists(file)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no message " + number + " from " + from + " within " + WAIT);
                }
                Thread.sleep(10);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read message " + number + " from " + from, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for message " + number, e);
        }
    }
}
