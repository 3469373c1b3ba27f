package dev.ecosystem.hubspot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HubSpot's JSON shapes, as far as this adapter reads or writes them. Every field HubSpot may omit is nullable and
 * unknown fields are ignored, because HubSpot adds fields ({@code url}, {@code objectWriteTraceId}...) over time.
 */
final class Json {
    private Json() {
    }

    /** The one mapper of the adapter: lenient on input, no nulls on output. */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    /** A CRM object: every property value is a string or null. */
    record CrmObject(String id, @Nullable Map<String, @Nullable String> properties, @Nullable String createdAt,
            @Nullable String updatedAt, @Nullable Boolean archived) {
        @Nullable String property(String name) {
            if (properties == null) {
                return null;
            }
            String value = properties.get(name);
            return value == null || value.isBlank() ? null : value;
        }
    }

    record Next(@Nullable String after) {
    }

    record Paging(@Nullable Next next) {
        static @Nullable String after(@Nullable Paging paging) {
            return paging == null || paging.next() == null ? null : paging.next().after();
        }
    }

    /** A page of a list endpoint. */
    record ObjectPage(@Nullable List<CrmObject> results, @Nullable Paging paging) {
        List<CrmObject> items() {
            return results == null ? List.of() : results;
        }
    }

    /** A page of the search endpoint. */
    record SearchPage(@Nullable Long total, @Nullable List<CrmObject> results, @Nullable Paging paging) {
        List<CrmObject> items() {
            return results == null ? List.of() : results;
        }
    }

    record Filter(String propertyName, String operator, String value) {
    }

    record FilterGroup(List<Filter> filters) {
    }

    record Sort(String propertyName, String direction) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchRequest(List<FilterGroup> filterGroups, List<String> properties, List<Sort> sorts, int limit,
            @Nullable String after) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchInput(String id, @Nullable String after) {
    }

    record BatchRequest(List<BatchInput> inputs) {
    }

    record ObjectRef(String id) {
    }

    record AssociationType(@Nullable String category, @Nullable Integer typeId, @Nullable String label) {
    }

    record AssociationTarget(String toObjectId, @Nullable List<AssociationType> associationTypes) {
    }

    record AssociationResult(ObjectRef from, @Nullable List<AssociationTarget> to, @Nullable Paging paging) {
    }

    /** Batch association read; 207 when some inputs had none (those come back under {@code errors}). */
    record AssociationBatch(@Nullable String status, @Nullable List<AssociationResult> results) {
        List<AssociationResult> items() {
            return results == null ? List.of() : results;
        }
    }

    record StageMetadata(@Nullable String isClosed, @Nullable String probability) {
    }

    record Stage(String id, @Nullable String label, @Nullable StageMetadata metadata) {
    }

    record Pipeline(String id, @Nullable String label, @Nullable List<Stage> stages) {
    }

    record Pipelines(@Nullable List<Pipeline> results) {
    }

    record PropertiesUpdate(Map<String, String> properties) {
    }

    record AssociationSpec(String associationCategory, int associationTypeId) {
    }

    record NoteAssociation(ObjectRef to, List<AssociationSpec> types) {
    }

    record NoteCreate(Map<String, String> properties, List<NoteAssociation> associations) {
    }

    /** Any HubSpot error body: REST errors and OAuth (RFC 6749) errors; every field optional. */
    record Error(@Nullable String status, @Nullable String message, @Nullable String category,
            @Nullable String correlationId, @Nullable String policyName, @Nullable String errorType,
            @JsonProperty("error") @Nullable String oauthError) {
    }
}
