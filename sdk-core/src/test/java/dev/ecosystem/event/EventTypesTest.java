package dev.ecosystem.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    @Test
    void all_listsEveryConstant_onceEach_asDottedLowerCaseNames() throws IllegalAccessException {
        List<Field> constants = Arrays.stream(EventTypes.class.getFields())
                .filter(f -> f.getType() == String.class && Modifier.isStatic(f.getModifiers())).toList();
        List<String> values = new java.util.ArrayList<>();
        for (Field constant : constants) {
            values.add((String) constant.get(null));
        }

        assertThat(values).doesNotHaveDuplicates().hasSameElementsAs(EventTypes.ALL);
        assertThat(values).allMatch(v -> v.matches("[a-z]+(\\.[a-z_-]+)+"), "dotted lower-case names");
    }

    @Test
    void publishedEvents_useListedTypes() {
        List<EcosystemEvent> events = new java.util.ArrayList<>();
        EcosystemClient client = EcosystemClient.builder().eventListener(events::add).build();
        client.register(dev.ecosystem.model.Company.builder(dev.ecosystem.model.CompanyId.of("acme"), "Acme").build());
        client.register(dev.ecosystem.model.Company.builder(dev.ecosystem.model.CompanyId.of("globex"), "Globex")
                .listed(true).build());
        client.as(dev.ecosystem.model.CompanyId.of("acme")).partnerships().create(
                dev.ecosystem.model.CompanyId.of("globex"), dev.ecosystem.model.PartnerType.TECHNOLOGY,
                dev.ecosystem.model.PartnershipStatus.PROSPECT);

        assertThat(events).extracting(EcosystemEvent::type).contains(EventTypes.PARTNERSHIP_CREATED)
                .allMatch(EventTypes.ALL::contains);
    }
}
