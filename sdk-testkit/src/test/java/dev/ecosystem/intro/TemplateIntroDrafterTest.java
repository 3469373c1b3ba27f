package dev.ecosystem.intro;

import dev.ecosystem.spi.IntroDrafter;
import dev.ecosystem.testkit.IntroDrafterContract;

/** The SDK's default drafter keeps the drafter contract. */
class TemplateIntroDrafterTest extends IntroDrafterContract {
    @Override
    protected IntroDrafter createDrafter() {
        return TemplateIntroDrafter.create();
    }
}
