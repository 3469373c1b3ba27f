package dev.ecosystem.mail;

import java.util.List;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The Microsoft Graph mail calls the mailer makes; {@code mailbox} is {@code me} or {@code users/{id}}. */
interface GraphApi {
    /** Ids that stay the same when the message moves from Drafts to Sent Items. */
    String IMMUTABLE_IDS = "Prefer: IdType=\"ImmutableId\"";

    @Headers(IMMUTABLE_IDS)
    @POST("{mailbox}/messages")
    Call<GraphMessage> createDraft(@Header("Authorization") String authorization,
            @Path(value = "mailbox", encoded = true) String mailbox, @Body RequestBody base64Mime);

    @Headers(IMMUTABLE_IDS)
    @POST("{mailbox}/messages/{id}/send")
    Call<Void> sendDraft(@Header("Authorization") String authorization,
            @Path(value = "mailbox", encoded = true) String mailbox, @Path("id") String id);

    @POST("{mailbox}/sendMail")
    Call<Void> sendMail(@Header("Authorization") String authorization,
            @Path(value = "mailbox", encoded = true) String mailbox, @Body RequestBody base64Mime);

    @Headers(IMMUTABLE_IDS)
    @GET("{mailbox}/messages")
    Call<GraphMessageList> find(@Header("Authorization") String authorization,
            @Path(value = "mailbox", encoded = true) String mailbox, @Query("$filter") String filter,
            @Query("$select") String select);

    /** The fields of a Graph message the mailer reads. */
    record GraphMessage(@Nullable String id, @Nullable String conversationId, @Nullable String internetMessageId,
            @Nullable Boolean isDraft) {
    }

    /** A page of messages. */
    record GraphMessageList(@Nullable List<GraphMessage> value) {
    }
}
