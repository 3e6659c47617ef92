package org.bantin.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.bantin.auth.CurrentCaller;
import org.bantin.auth.RequiresRole;
import org.bantin.auth.Role;
import org.bantin.content.Transitions.Transition;
import org.bantin.http.Page;
import org.bantin.http.PageParams;
import org.bantin.http.QueryParams;
import org.bantin.question.QuestionRecords.AnswerInput;
import org.bantin.question.QuestionRecords.AssignInput;
import org.bantin.question.QuestionRecords.QuestionFilter;
import org.bantin.question.QuestionRecords.QuestionView;
import org.bantin.question.QuestionRecords.RejectInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff endpoints for citizens' questions: the queue, routing, answering, publishing and rejecting. Editors only, as
 * they show the askers' contact; every write is audited (org.bantin.audit.AdminWrites).
 */
@Path("/api/v1/admin/questions")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.EDITOR)
@Tag(name = "Admin: questions")
public class AdminQuestionResource {

    private static final int MAX_TEXT = 200;
    private static final String STEP_REFUSED = "The question's state does not allow this step (problem type "
            + "urn:bantin:problem:invalid-transition, with the question's `state`).";

    private final QuestionService questions;
    private final CurrentCaller caller;

    AdminQuestionResource(QuestionService questions, CurrentCaller caller) {
        this.questions = questions;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "adminListQuestions", summary = "List questions in any state", description = "New and assigned questions "
            + "oldest first (the queue); any other list newest asked first. `q` finds words of the question or the answer, "
            + "ignoring case and Vietnamese tones and marks.")
    public Page<QuestionView> list(
            @Parameter(description = "Only questions in this state.", schema = @Schema(enumeration = {"new", "assigned",
                    "answered", "published", "rejected"})) @QueryParam("state") String state,
            @Parameter(description = "Words of the question or answer.", example = "giay phep lai xe", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("q") String q,
            @Parameter(description = "A topic, exactly as listed.", example = "Thủ tục hành chính", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT)) @QueryParam("topic") String topic,
            @BeanParam PageParams paging) {
        QuestionFilter filter = new QuestionFilter(QueryParams.text("q", q, MAX_TEXT),
                QueryParams.text("topic", topic, MAX_TEXT),
                state == null || state.isBlank() ? null : QuestionState.of("state", state.strip()));
        return questions.list(filter, paging.request());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetQuestion", summary = "Get a question with the asker's contact", description = "Email and phone are null once erased.")
    @APIResponse(responseCode = "200", description = "The question.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    public QuestionView get(@PathParam("id") long id) {
        return questions.get(id);
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(operationId = "listQuestionTransitions", summary = "List a question's workflow steps", description = "Newest first: "
            + "each routing (with the unit as comment), answer, publication, unpublication and rejection (with the reason), "
            + "with who made it and when.")
    public Page<Transition> listTransitions(@PathParam("id") long id, @BeanParam PageParams paging) {
        return questions.transitions(id, paging.request());
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignQuestion", summary = "Route a question to a unit", description = "A new question, or one "
            + "already routed (to route it elsewhere), becomes assigned.")
    @APIResponse(responseCode = "200", description = "Assigned.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public QuestionView assign(@PathParam("id") long id, @Valid @NotNull AssignInput input) {
        return questions.assign(id, input.unit(), caller.get());
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerQuestion", summary = "Answer a question, or change its answer", description = "An assigned "
            + "question becomes answered, with who answered and when; an answered one gets the new answer. A published "
            + "question is unpublished first.")
    @APIResponse(responseCode = "200", description = "Answered.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public QuestionView answer(@PathParam("id") long id, @Valid @NotNull AnswerInput input) {
        return questions.answer(id, input.answer(), caller.get());
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishQuestion", summary = "Publish an answered question", description = "Readers see the question "
            + "and its answer from now on, the asker's name shortened.")
    @APIResponse(responseCode = "200", description = "Published.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public QuestionView publish(@PathParam("id") long id) {
        return questions.publish(id, caller.get());
    }

    @POST
    @Path("/{id}/unpublish")
    @Operation(operationId = "unpublishQuestion", summary = "Take a published question back to answered", description = "Readers no longer see it; its answer can be changed again.")
    @APIResponse(responseCode = "200", description = "Answered again.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    public QuestionView unpublish(@PathParam("id") long id) {
        return questions.unpublish(id, caller.get());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectQuestion", summary = "Reject a question", description = "A question not yet published is closed "
            + "unanswered, for the reason given.")
    @APIResponse(responseCode = "200", description = "Rejected.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No question has this id.")
    @APIResponse(responseCode = "409", description = STEP_REFUSED)
    @APIResponse(responseCode = "422", description = "No reason given.")
    public QuestionView reject(@PathParam("id") long id, @Valid @NotNull RejectInput input) {
        return questions.reject(id, input.reason(), caller.get());
    }
}
