package dev.ecosystem.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The two Gmail API calls the mailer makes. */
interface GmailApi {
    @POST("gmail/v1/users/{userId}/messages/send")
    Call<MessageRef> send(@Header("Authorization") String authorization, @Path("userId") String userId,
            @Body SendRequest request);

    @GET("gmail/v1/users/{userId}/messages")
    Call<MessageList> search(@Header("Authorization") String authorization, @Path("userId") String userId,
            @Query("q") String query, @Query("includeSpamTrash") boolean includeSpamTrash);

    /** {@code users.messages.send} body: the base64url raw message and the thread to continue. */
    record SendRequest(String raw, @Nullable String threadId) {
    }

    /** A message reference: Gmail's id and thread id. */
    record MessageRef(@Nullable String id, @Nullable String threadId) {
    }

    /** A {@code users.messages.list} page; {@code messages} is absent when nothing matched. */
    record MessageList(@Nullable List<MessageRef> messages) {
    }
}
