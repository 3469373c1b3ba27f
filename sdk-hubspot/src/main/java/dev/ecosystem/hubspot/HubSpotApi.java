package dev.ecosystem.hubspot;

import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The HubSpot endpoints this adapter calls. The version-dependent prefix of every path comes from {@link ApiPaths}
 * (an encoded path parameter, so it may hold slashes).
 */
interface HubSpotApi {
    /** {@code after} is passed as HubSpot gave it: it may already be percent-encoded ({@code NTI1Cg%3D%3D}). */
    @GET("{objects}/{type}")
    Call<Json.ObjectPage> list(@Path(value = "objects", encoded = true) String objects, @Path("type") String type,
            @Query("limit") int limit, @Query(value = "after", encoded = true) @Nullable String after,
            @Query("properties") String properties, @Query("archived") boolean archived);

    @POST("{objects}/{type}/search")
    Call<Json.SearchPage> search(@Path(value = "objects", encoded = true) String objects, @Path("type") String type,
            @Body Json.SearchRequest request);

    @POST("{associations}/deals/companies/batch/read")
    Call<Json.AssociationBatch> dealCompanies(@Path(value = "associations", encoded = true) String associations,
            @Body Json.BatchRequest request);

    @GET("{pipelines}/deals")
    Call<Json.Pipelines> dealPipelines(@Path(value = "pipelines", encoded = true) String pipelines);

    @PATCH("{objects}/deals/{id}")
    Call<Json.CrmObject> updateDeal(@Path(value = "objects", encoded = true) String objects, @Path("id") String id,
            @Body Json.PropertiesUpdate update);

    @POST("{objects}/notes")
    Call<Json.CrmObject> createNote(@Path(value = "objects", encoded = true) String objects,
            @Body Json.NoteCreate note);
}
